// nats-server's configuration files: `key: value`, `key = value` or `key value`, blocks in braces (`jetstream { … }`,
// also written `jetstream: {`), arrays in brackets, `#` and `//` comments. A file is one when its directives say so
// (NATS_DIRECTIVES), since `.conf` is a name every tool uses. Settings are the keys knowledge/keys/nats.yaml
// describes, by their dotted path (`jetstream.max_file_store`), or by a short spelling the knowledge lists as an
// alias when it is written in the block that key belongs to (`max_file` inside the top-level `jetstream` block).
import type { Setting } from '../types';
import type { ExtractContext, Extraction } from './types';

/** nats-server's own directives: blocks only it has, settings only it has, a listener on its port. */
export const NATS_DIRECTIVES: readonly RegExp[] = [
  /^[ \t]*(?:jetstream|leafnodes|gateway|accounts|resolver|cluster|authorization|websocket|mqtt)[ \t]*[:=]?[ \t]*\{/m,
  /^[ \t]*(?:server_name|system_account|operator|max_payload|max_pending|write_deadline|http_port|monitor_port|lame_duck_duration)[ \t]*[:=]/m,
  /^[ \t]*(?:listen|port)[ \t]*[:=][ \t]*["']?(?:[\w.-]*:)?4222\b/m,
];

/** Whether a `.conf` file is nats-server's: two of its directives, or one in a file whose path names NATS. */
export function isNatsConf(fileName: string, text: string): boolean {
  const found = NATS_DIRECTIVES.filter((d) => d.test(text)).length;
  return found >= 2 || (found === 1 && /nats/i.test(fileName));
}

const KEY = /[A-Za-z_][\w.-]*/y;

export function extractNatsConf(context: ExtractContext): Extraction {
  const text = context.text;
  const settings: Setting[] = [];
  const comments: Extraction['comments'] = [];
  const path: string[] = [];
  let arrayDepth = 0;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const commentAt = commentStart(line);
    if (commentAt >= 0) comments.push({ text: line.slice(commentAt), span: { start: lineStart + commentAt, end: lineStart + line.length }, ownLine: line.slice(0, commentAt).trim() === '' });
    const code = commentAt >= 0 ? line.slice(0, commentAt) : line;
    let at = code.search(/\S/);
    // Inside a multi-line array (`routes = [` … `]`): nothing is a setting until it closes; the rest of the closing
    // line (`] }`) is read on.
    if (arrayDepth > 0) {
      const closed = skipArray(code, 0, arrayDepth);
      if (closed.end < 0) {
        arrayDepth = closed.depth;
        continue;
      }
      arrayDepth = 0;
      at = next(code, closed.end);
    }
    while (at >= 0 && at < code.length) {
      if (code[at] === '}') {
        path.pop();
        at = next(code, at + 1);
        continue;
      }
      KEY.lastIndex = at;
      const key = KEY.exec(code);
      if (!key) break;
      let cursor = key.index + key[0].length;
      const separator = /^[ \t]*(?:[:=][ \t]*)?/.exec(code.slice(cursor))![0];
      cursor += separator.length;
      if (code[cursor] === '{') {
        path.push(key[0]);
        at = next(code, cursor + 1);
        continue;
      }
      if (code[cursor] === '[') {
        // An array (`routes = [ … ]`, `users: [ { user: a } ]`) holds no setting of its own; read on after it.
        const closed = skipArray(code, cursor + 1, 1);
        if (closed.end < 0) {
          arrayDepth = closed.depth;
          break;
        }
        at = next(code, closed.end);
        continue;
      }
      if (separator.length === 0) break;
      const value = readValue(code, cursor);
      if (!value) break;
      const setting = toSetting(context, [...path, key[0]], lineStart + key.index, key[0], lineStart + value.start, lineStart + value.end, value.quoted);
      if (setting) settings.push(setting);
      // `jetstream { store_dir: "/data", max_mem: 1G }` on one line: read on after a comma.
      at = next(code, value.after);
    }
  }
  return { settings, comments, lineComment: '#' };
}

function toSetting(context: ExtractContext, path: readonly string[], keyStart: number, written: string, valueStart: number, valueEnd: number, quoted: boolean): Setting | undefined {
  // nats-server reads keys without regard to case (`JetStream { … }`).
  const dotted = path.join('.').toLowerCase();
  const info = context.keys.lookup('nats', dotted) ?? context.keys.lookup('nats', written.toLowerCase());
  if (!info) return undefined;
  // A spelling other than the key's own path counts only inside the block the key belongs to: `max_file` in the
  // top-level `jetstream` block is jetstream.max_file_store, at the top level nats-server rejects it, and a
  // `password` inside `cluster.authorization` is not the client password.
  const block = info.key.includes('.') ? info.key.slice(0, info.key.lastIndexOf('.')) : '';
  if (info.key !== dotted && block !== path.slice(0, -1).join('.').toLowerCase()) return undefined;
  const position = context.lines.positionAt(keyStart);
  return {
    file: context.file, line: position.line, column: position.column, system: 'nats', key: info.key, rawKey: written,
    value: context.text.slice(valueStart, valueEnd), keySpan: { start: keyStart, end: keyStart + written.length },
    valueSpan: { start: valueStart, end: valueEnd }, valueStyle: quoted ? 'quoted' : 'bare',
  };
}

/** A scalar value at `from`: quoted (span inside the quotes) or bare (up to a comma, a closing brace or the end). */
function readValue(code: string, from: number): { start: number; end: number; after: number; quoted: boolean } | undefined {
  const quote = code[from];
  if (quote === '"' || quote === "'") {
    let close = from + 1;
    while (close < code.length && code[close] !== quote) close += code[close] === '\\' ? 2 : 1;
    if (close >= code.length) return undefined;
    return { start: from + 1, end: close, after: close + 1, quoted: true };
  }
  let end = from;
  while (end < code.length && code[end] !== ',' && code[end] !== '}' && code[end] !== ';') end++;
  let trimmed = end;
  while (trimmed > from && /\s/.test(code[trimmed - 1]!)) trimmed--;
  return trimmed > from ? { start: from, end: trimmed, after: end, quoted: false } : undefined;
}

/** The index after separators (spaces, a comma, a semicolon) from `at`; -1 at the end of the line. */
function next(code: string, at: number): number {
  let k = at;
  while (k < code.length && /[\s,;]/.test(code[k]!)) k++;
  return k < code.length ? k : -1;
}

/** Where a `#` or `//` comment starts outside quotes; -1 when the line has none. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let k = 0; k < line.length; k++) {
    const c = line[k]!;
    if (quote) {
      if (c === '\\') k++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    // `//` starts a comment only where a word could start: `nats://host` in a bare value is no comment.
    else if (c === '#' || (c === '/' && line[k + 1] === '/' && (k === 0 || /\s/.test(line[k - 1]!)))) return k;
  }
  return -1;
}

/**
 * Skips an array's contents from `from`, `depth` brackets deep (quoted text included): the index after the bracket
 * that closes it, or -1 with the depth still open at the end of the line.
 */
function skipArray(code: string, from: number, depth: number): { end: number; depth: number } {
  let quote: string | undefined;
  for (let k = from; k < code.length; k++) {
    const c = code[k]!;
    if (quote) {
      if (c === '\\') k++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return { end: k + 1, depth: 0 };
  }
  return { end: -1, depth };
}
