// What every format's extractor returns, and what it is given.
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { Comment, Setting } from '../types';

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
}
