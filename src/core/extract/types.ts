// What every format's extractor returns, and what it is given.
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { ClientInfo } from '../knowledgeTypes';
import type { Comment, Setting, Span } from '../types';
import type { ScopeContexts } from '../context/deployment';

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
  /** Keys in a place that only holds one system's configuration, which the knowledge base does not know. */
  unknownKeys?: UnknownKey[];
  /** What the file says about the deployment behind each settings scope (cluster size, version). */
  scopes?: ScopeContexts;
  /** Calls made in a source file (lower-cased callee names), for rules that need to see what the code does. */
  calls?: ReadonlySet<string>;
}

export interface UnknownKey {
  system: string;
  /** The configuration name as written (without any Spring prefix). */
  name: string;
  /** Where that name is written; a fix replaces exactly this. */
  span: Span;
  /** True in places meant for the system's configuration (Spring's `properties` maps, Strimzi config). */
  dedicated: boolean;
}

export interface ClientUse {
  client: ClientInfo;
  span: Span;
  evidence: 'import' | 'dependency';
}
