// What every format's extractor returns, and what it is given.
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { ClientInfo } from '../knowledgeTypes';
import type { Comment, Setting, Span } from '../types';

export interface ExtractContext {
  file: string;
  text: string;
  lines: LineIndex;
  keys: KeyIndex;
}

export interface Extraction {
  settings: Setting[];
  comments: Comment[];
  /** How a line comment starts in this format, for the "ignore this line" action. */
  lineComment: '#' | '//';
  /** Where the file imports or declares a catalogue client. */
  clientUses?: ClientUse[];
}

export interface ClientUse {
  client: ClientInfo;
  span: Span;
  evidence: 'import' | 'dependency';
}
