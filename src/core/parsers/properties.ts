// A parser for Java .properties text with exact source spans, following java.util.Properties#load:
// comment lines start with `#` or `!`; a key ends at the first unescaped `=`, `:` or whitespace; a line ending in an
// odd number of backslashes continues on the next line, whose leading whitespace is dropped; `\uXXXX`, `\t`, `\n`,
// `\r`, `\f` and `\<char>` are escapes. It never throws: malformed escapes are kept as written.
import type { Span } from '../types';

export interface PropertiesEntry {
  key: string;
  value: string;
  /** Where the key is written, escapes included. */
  keySpan: Span;
  /** Where the value is written, from its first character to its last non-blank one (continuations included). */
  valueSpan: Span;
}

export interface PropertiesComment {
  text: string;
  span: Span;
}

export interface PropertiesDocument {
  entries: PropertiesEntry[];
  comments: PropertiesComment[];
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\f';
const isLineEnd = (c: string | undefined): boolean => c === '\n' || c === '\r';

export function parseProperties(text: string): PropertiesDocument {
  const entries: PropertiesEntry[] = [];
  const comments: PropertiesComment[] = [];
  let pos = 0;
  const length = text.length;

  while (pos < length) {
    // Skip the leading blanks of a natural line.
    while (pos < length && isBlank(text[pos])) pos++;
    if (pos >= length) break;
    const first = text[pos];
    if (isLineEnd(first)) {
      pos = skipLineEnd(text, pos);
      continue;
    }
    if (first === '#' || first === '!') {
      const end = lineEnd(text, pos);
      comments.push({ text: text.slice(pos + 1, end), span: { start: pos, end } });
      pos = skipLineEnd(text, end);
      continue;
    }
    const logical = readLogicalLine(text, pos);
    pos = logical.next;
    const entry = splitEntry(text, logical.segments);
    if (entry) entries.push(entry);
  }
  return { entries, comments };
}

/** One physical piece of a logical line: [start, end) of text, without the continuation backslash or line end. */
interface Segment {
  start: number;
  end: number;
}

function lineEnd(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && !isLineEnd(text[end])) end++;
  return end;
}

function skipLineEnd(text: string, pos: number): number {
  if (text[pos] === '\r' && text[pos + 1] === '\n') return pos + 2;
  if (isLineEnd(text[pos])) return pos + 1;
  return pos;
}

function endsWithContinuation(text: string, start: number, end: number): boolean {
  let backslashes = 0;
  for (let i = end - 1; i >= start && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function readLogicalLine(text: string, start: number): { segments: Segment[]; next: number } {
  const segments: Segment[] = [];
  let segmentStart = start;
  for (;;) {
    const end = lineEnd(text, segmentStart);
    if (endsWithContinuation(text, segmentStart, end) && end < text.length) {
      segments.push({ start: segmentStart, end: end - 1 });
      let next = skipLineEnd(text, end);
      while (next < text.length && isBlank(text[next])) next++;
      segmentStart = next;
      continue;
    }
    const trimmedEnd = endsWithContinuation(text, segmentStart, end) ? end - 1 : end;
    segments.push({ start: segmentStart, end: trimmedEnd });
    return { segments, next: skipLineEnd(text, end) };
  }
}

/** The offsets of a logical line's characters, in order. */
function offsetsOf(segments: Segment[]): number[] {
  const offsets: number[] = [];
  for (const segment of segments) for (let i = segment.start; i < segment.end; i++) offsets.push(i);
  return offsets;
}

function splitEntry(text: string, segments: Segment[]): PropertiesEntry | undefined {
  const offsets = offsetsOf(segments);
  if (offsets.length === 0) return undefined;
  let i = 0;
  let key = '';
  // Key: up to the first unescaped separator.
  while (i < offsets.length) {
    const c = text[offsets[i]!]!;
    if (c === '\\') {
      const decoded = decodeEscape(text, offsets, i);
      key += decoded.char;
      i = decoded.next;
      continue;
    }
    if (c === '=' || c === ':' || isBlank(c)) break;
    key += c;
    i++;
  }
  const keyEndIndex = i;
  // Separator: blanks, at most one `=` or `:`, blanks.
  while (i < offsets.length && isBlank(text[offsets[i]!])) i++;
  if (i < offsets.length && (text[offsets[i]!] === '=' || text[offsets[i]!] === ':')) i++;
  while (i < offsets.length && isBlank(text[offsets[i]!])) i++;
  const valueStartIndex = i;
  let value = '';
  while (i < offsets.length) {
    const c = text[offsets[i]!]!;
    if (c === '\\') {
      const decoded = decodeEscape(text, offsets, i);
      value += decoded.char;
      i = decoded.next;
      continue;
    }
    value += c;
    i++;
  }
  // The value's span ends after its last non-blank character, so an edit never eats trailing blanks.
  let lastIndex = offsets.length - 1;
  while (lastIndex >= valueStartIndex && isBlank(text[offsets[lastIndex]!])) lastIndex--;
  const keyStart = offsets[0]!;
  const keyEnd = keyEndIndex > 0 ? offsets[keyEndIndex - 1]! + 1 : keyStart;
  const valueStart = valueStartIndex < offsets.length ? offsets[valueStartIndex]! : (offsets[offsets.length - 1]! + 1);
  const valueEnd = lastIndex >= valueStartIndex ? offsets[lastIndex]! + 1 : valueStart;
  return {
    key,
    value,
    keySpan: { start: keyStart, end: keyEnd },
    valueSpan: { start: valueStart, end: valueEnd },
  };
}

const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function decodeEscape(text: string, offsets: number[], i: number): { char: string; next: number } {
  const nextChar = offsets[i + 1] === undefined ? undefined : text[offsets[i + 1]!];
  if (nextChar === undefined) return { char: '', next: i + 1 };
  if (nextChar === 'u') {
    const hex = offsets.slice(i + 2, i + 6).map((o) => text[o]).join('');
    if (/^[0-9a-fA-F]{4}$/.test(hex)) return { char: String.fromCharCode(parseInt(hex, 16)), next: i + 6 };
    return { char: 'u', next: i + 2 };
  }
  return { char: SIMPLE_ESCAPES[nextChar] ?? nextChar, next: i + 2 };
}
