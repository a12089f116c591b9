// The concepts MQ Lens computes (DESIGN.md, "Core concepts"). Lines and columns are 1-based, as in the CLI contract;
// offsets are 0-based UTF-16 code-unit indexes into the analysed text, as JavaScript strings and VS Code use them.
import type { Profile, Severity } from './knowledgeTypes';

export interface Span {
  /** 0-based offset of the first character. */
  start: number;
  /** 0-based offset just past the last character. */
  end: number;
}

export interface Setting {
  file: string;
  line: number;
  column: number;
  system: string;
  /** Canonical key, e.g. `linger.ms`. */
  key: string;
  /** The key as written, e.g. `queue.buffering.max.ms`. */
  rawKey: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
}

/** A text replacement in the analysed text; applying it changes nothing outside `span`. */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  profile: Profile;
  fix?: { title: string; edit: TextEdit };
}

export interface AnalysisResult {
  settings: Setting[];
  findings: Finding[];
  /** The profile the findings were judged under, after any inline directive. */
  profile: Profile;
  /** Present when the file's text could not be analysed; findings and settings are then empty. */
  error?: string;
}
