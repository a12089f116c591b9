// A fast path for the YAML that configuration files are made of: block mappings and sequences, plain and quoted
// one-line scalars, flow sequences of scalars, block scalars and comments. It yields exactly what flattenYaml's
// library path yields, and gives up (returns undefined) on anything else: anchors, aliases, tags, complex keys,
// multi-line flow or quoted scalars, tabs in indentation, inconsistent indentation. The library then takes over.
import type { Span } from '../types';
import type { YamlEntry, YamlTree } from './yamlTree';

interface Frame {
  indent: number;
  path: string[];
  kind: 'map' | 'seq';
  index: number;
}

class GiveUp extends Error {}

export function fastFlattenYaml(text: string): YamlTree | undefined {
  try {
    return scan(text);
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

function giveUp(): never {
  throw new GiveUp();
}

function scan(text: string): YamlTree {
  const entries: YamlEntry[] = [];
  let document = 0;
  let documentHasContent = false;
  let anyContent = false;
  let stack: Frame[] = [];
  /** A key whose value is on the following lines: a nested block, or nothing (null). */
  let pending: { path: string[]; keyIndent: number; keySpan?: Span; after?: number } | undefined;
  /** A key with nothing under it is an empty scalar, placed just after its colon (as the library places it). */
  const settle = () => {
    if (!pending) return;
    if (!pending.keySpan || pending.after === undefined) giveUp();
    entries.push({ path: pending.path, keySpan: pending.keySpan!, valueSpan: { start: pending.after!, end: pending.after! }, value: '', style: 'bare', document });
    pending = undefined;
  };
  /** After a plain or quoted scalar, a more indented line would continue it (multi-line scalar): not handled. */
  let scalarIndent = -1;

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = text.slice(lineStart, contentEnd);
    const next = lineEnd + 1;

    let indent = 0;
    while (line[indent] === ' ') indent++;
    if (line[indent] === '\t' && line.slice(indent).trim() !== '') giveUp();
    const rest = line.slice(indent);
    if (rest === '' || rest.startsWith('#') || rest.trim() === '') {
      lineStart = next;
      continue;
    }
    if (indent === 0 && (rest.startsWith('---') || rest.startsWith('...')) && (rest.length === 3 || /^(---|\.\.\.)\s/.test(rest))) {
      if (rest.slice(3).trim() !== '' && !rest.slice(3).trim().startsWith('#')) giveUp();
      settle();
      if (rest.startsWith('---') && documentHasContent) document++;
      if (rest.startsWith('...')) documentHasContent = false;
      if (rest.startsWith('---') && documentHasContent) documentHasContent = false;
      stack = [];
      pending = undefined;
      scalarIndent = -1;
      lineStart = next;
      continue;
    }
    if (rest.startsWith('%') || rest.startsWith('?') || rest.startsWith('&') || rest.startsWith('*') || rest.startsWith('!')) giveUp();
    if (scalarIndent >= 0 && indent > scalarIndent) giveUp();
    scalarIndent = -1;
    documentHasContent = true;
    anyContent = true;

    const isDash = rest === '-' || rest.startsWith('- ');
    if (pending) {
      if (indent > pending.keyIndent) stack.push({ indent, path: pending.path, kind: isDash ? 'seq' : 'map', index: -1 });
      else if (indent === pending.keyIndent && isDash && stack[stack.length - 1]?.kind === 'map') stack.push({ indent, path: pending.path, kind: 'seq', index: -1 });
      else settle();
      pending = undefined;
    }
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.indent > indent || (top.indent === indent && top.kind === 'seq' && !isDash)) stack.pop();
      else break;
    }
    if (stack.length === 0) {
      if (indent !== 0) giveUp();
      stack.push({ indent: 0, path: [], kind: isDash ? 'seq' : 'map', index: -1 });
    }
    let frame = stack[stack.length - 1]!;
    if (frame.indent !== indent) giveUp();

    let column = indent;
    if (isDash) {
      if (frame.kind !== 'seq') giveUp();
      frame.index++;
      const itemPath = [...frame.path, String(frame.index)];
      column = indent + 1;
      while (line[column] === ' ') column++;
      const item = line.slice(column);
      if (item === '' || item.startsWith('#')) {
        pending = { path: itemPath, keyIndent: indent };
        lineStart = next;
        continue;
      }
      if (item.startsWith('- ') || item === '-') giveUp();
      const key = readKey(line, column);
      if (!key) {
        // A scalar item.
        const value = readValue(text, line, lineStart, column, lineEnd);
        if (value.kind === 'nested') giveUp();
        if (value.kind === 'flow') {
          flowEntries(value, itemPath, document, entries);
        } else {
          entries.push(entry(itemPath, value.span, value, document));
          scalarIndent = indent;
        }
        if (value.kind === 'block') lineStart = value.next;
        else lineStart = next;
        continue;
      }
      stack.push({ indent: column, path: itemPath, kind: 'map', index: -1 });
      frame = stack[stack.length - 1]!;
    } else if (frame.kind !== 'map') {
      giveUp();
    }

    const key = readKey(line, column);
    if (!key) giveUp();
    const keySpan = { start: lineStart + key!.start, end: lineStart + key!.end };
    const path = [...frame.path, key!.name];
    const value = readValue(text, line, lineStart, key!.valueColumn, lineEnd);
    if (value.kind === 'nested') {
      pending = { path, keyIndent: frame.indent, keySpan, after: lineStart + key!.colon + 1 };
      lineStart = next;
      continue;
    }
    if (value.kind === 'flow') {
      flowEntries(value, path, document, entries);
      lineStart = next;
      continue;
    }
    entries.push(entry(path, keySpan, value, document));
    if (value.kind === 'block') {
      lineStart = value.next;
      continue;
    }
    scalarIndent = frame.indent;
    lineStart = next;
  }
  settle();
  return { entries, documents: anyContent ? document + 1 : 0, errors: [] };
}

interface Key {
  name: string;
  start: number;
  end: number;
  /** Where the value begins (after the colon and blanks). */
  valueColumn: number;
  /** The colon's column. */
  colon: number;
}

/** A mapping key at `column`, or undefined when the line holds no `key:` there. */
function readKey(line: string, column: number): Key | undefined {
  const first = line[column];
  if (first === '"' || first === "'") {
    const close = closingQuote(line, column);
    if (close < 0) return undefined;
    let after = close + 1;
    while (line[after] === ' ') after++;
    if (line[after] !== ':' || (line[after + 1] !== undefined && line[after + 1] !== ' ')) return undefined;
    const raw = line.slice(column + 1, close);
    return { name: first === '"' ? unescapeDouble(raw) : raw.replace(/''/g, "'"), start: column, end: close + 1, valueColumn: skipBlanks(line, after + 1), colon: after };
  }
  if (first === '[' || first === '{' || first === '&' || first === '*' || first === '!' || first === '|' || first === '>') return undefined;
  for (let i = column; i < line.length; i++) {
    if (line[i] === '#' && line[i - 1] === ' ') return undefined;
    if (line[i] === ':' && (i + 1 === line.length || line[i + 1] === ' ')) {
      let end = i;
      while (end > column && line[end - 1] === ' ') end--;
      if (end === column) return undefined;
      const name = line.slice(column, end);
      if (name === '<<') giveUp();
      return { name, start: column, end, valueColumn: skipBlanks(line, i + 1), colon: i };
    }
  }
  return undefined;
}

function skipBlanks(line: string, column: number): number {
  while (line[column] === ' ') column++;
  return column;
}

type Value =
  | { kind: 'nested' }
  | { kind: 'scalar'; style: 'bare' | 'quoted'; value: string; span: Span }
  | { kind: 'block'; value: string; span: Span; next: number }
  | { kind: 'flow'; items: Array<{ value: string; span: Span; style: 'bare' | 'quoted' }> };

function readValue(text: string, line: string, lineStart: number, column: number, lineEnd: number): Value {
  const first = line[column];
  if (first === undefined || first === '#') return { kind: 'nested' };
  // An empty flow mapping holds nothing, which is what the library reports for it too.
  if (first === '{' && /^\{\s*\}\s*(#.*)?$/.test(line.slice(column))) return { kind: 'flow', items: [] };
  if (first === '&' || first === '*' || first === '!' || first === '{' || first === '%' || first === '@' || first === '`') giveUp();
  if (first === '"' || first === "'") {
    const close = closingQuote(line, column);
    if (close < 0) giveUp();
    const after = line.slice(close + 1);
    if (after.trim() !== '' && !/^\s+#/.test(after)) giveUp();
    const raw = line.slice(column + 1, close);
    return { kind: 'scalar', style: 'quoted', value: first === '"' ? unescapeDouble(raw) : raw.replace(/''/g, "'"), span: { start: lineStart + column + 1, end: lineStart + close } };
  }
  if (first === '|' || first === '>') return blockScalar(text, line, lineStart, column, lineEnd);
  if (first === '[') return flowSequence(line, lineStart, column);
  let end = line.length;
  const comment = line.indexOf(' #', column);
  if (comment >= 0) end = comment;
  while (end > column && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  const raw = line.slice(column, end);
  if (/^-\s|^[?:]\s|: /.test(raw) || raw.endsWith(':')) giveUp();
  return { kind: 'scalar', style: 'bare', value: plainValue(raw), span: { start: lineStart + column, end: lineStart + end } };
}

/** `[a, "b", 3]` on one line, of scalars only. */
function flowSequence(line: string, lineStart: number, column: number): Value {
  const items: Array<{ value: string; span: Span; style: 'bare' | 'quoted' }> = [];
  let i = column + 1;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === ']') break;
    if (line[i] === undefined || line[i] === '[' || line[i] === '{') giveUp();
    if (line[i] === '"' || line[i] === "'") {
      const close = closingQuote(line, i);
      if (close < 0) giveUp();
      const raw = line.slice(i + 1, close);
      items.push({ value: line[i] === '"' ? unescapeDouble(raw) : raw.replace(/''/g, "'"), span: { start: lineStart + i + 1, end: lineStart + close }, style: 'quoted' });
      i = close + 1;
    } else {
      let end = i;
      while (end < line.length && line[end] !== ',' && line[end] !== ']') end++;
      let trimmed = end;
      while (trimmed > i && line[trimmed - 1] === ' ') trimmed--;
      const raw = line.slice(i, trimmed);
      if (raw === '' || /[:#&*!|>{}[]/.test(raw)) giveUp();
      items.push({ value: plainValue(raw), span: { start: lineStart + i, end: lineStart + trimmed }, style: 'bare' });
      i = end;
    }
    while (line[i] === ' ') i++;
    if (line[i] === ',') {
      i++;
      continue;
    }
    if (line[i] === ']') break;
    giveUp();
  }
  const after = line.slice(i + 1);
  if (after.trim() !== '' && !/^\s+#/.test(after)) giveUp();
  return { kind: 'flow', items };
}

function flowEntries(value: Extract<Value, { kind: 'flow' }>, path: string[], document: number, entries: YamlEntry[]): void {
  value.items.forEach((item, index) => {
    entries.push(entry([...path, String(index)], item.span, { kind: 'scalar', style: item.style, value: item.value, span: item.span }, document));
  });
}

/** `|` or `>` with its more-indented lines; only what the configuration extractors need (literal text, exact span). */
function blockScalar(text: string, line: string, lineStart: number, column: number, lineEnd: number): Value {
  const header = line.slice(column).replace(/\s+#.*$/, '').trim();
  // Literal blocks only, with clip or strip chomping; folding and keep chomping are left to the library.
  if (header !== '|' && header !== '|-') giveUp();
  const parentIndent = line.length - line.trimStart().length;
  let cursor = lineEnd + 1;
  let lastContentEnd = lineEnd;
  const body: string[] = [];
  let blockIndent = -1;
  while (cursor <= text.length) {
    let end = text.indexOf('\n', cursor);
    if (end < 0) end = text.length;
    const contentEnd = text[end - 1] === '\r' ? end - 1 : end;
    const current = text.slice(cursor, contentEnd);
    const currentIndent = current.length - current.trimStart().length;
    if (current.trim() === '') {
      body.push('');
      cursor = end + 1;
      continue;
    }
    if (currentIndent <= parentIndent) break;
    if (blockIndent < 0) blockIndent = currentIndent;
    if (currentIndent < blockIndent) giveUp();
    body.push(current.slice(blockIndent));
    lastContentEnd = contentEnd;
    cursor = end + 1;
  }
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  const next = lastContentEnd === lineEnd ? lineEnd + 1 : text.indexOf('\n', lastContentEnd) < 0 ? text.length + 1 : text.indexOf('\n', lastContentEnd) + 1;
  return { kind: 'block', value: header === '|-' ? body.join('\n') : `${body.join('\n')}\n`, span: { start: lineStart + column, end: lastContentEnd === lineEnd ? lineStart + line.length : lastContentEnd + 1 }, next };
}

function entry(path: string[], keySpan: Span, value: Extract<Value, { kind: 'scalar' | 'block' }>, document: number): YamlEntry {
  return { path, keySpan, valueSpan: value.span, value: value.value, style: value.kind === 'block' ? 'block' : value.style, document };
}

function closingQuote(line: string, open: number): number {
  const quote = line[open];
  for (let i = open + 1; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] === quote) {
      if (quote === "'" && line[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', '0': '\0', ' ': ' ' };

function unescapeDouble(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_whole, code: string) => {
    if (code.length > 1) return String.fromCharCode(parseInt(code.slice(1), 16));
    const mapped = ESCAPES[code];
    if (mapped === undefined) giveUp();
    return mapped!;
  });
}

/** YAML 1.2 core-schema plain scalars, as the library turns them into strings. */
function plainValue(raw: string): string {
  if (/^(~|null|Null|NULL)$/.test(raw)) return '';
  if (/^[-+]?(0|[1-9][0-9]*)$/.test(raw)) return String(Number(raw));
  if (/^0x[0-9a-fA-F]+$/.test(raw) || /^0o[0-7]+$/.test(raw) || /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(raw) || /^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(raw)) giveUp();
  return raw;
}
