// A small tokenizer for the languages MQ Lens scans (Python, Java, Kotlin, Scala, Go, C#, JavaScript/TypeScript,
// Rust). It knows each language's comments and string literals, so text inside them is never taken for code, and
// it keeps exact spans. It is not a parser: later passes look at short token patterns.
import type { Span } from '../types';

export type Language = 'python' | 'java' | 'kotlin' | 'scala' | 'go' | 'csharp' | 'javascript' | 'rust';

export type TokenKind = 'ident' | 'string' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Source text (for strings: the whole literal, quotes included). */
  text: string;
  /** Strings: the contents without quotes or prefix (escapes left as written). */
  value: string;
  span: Span;
  /** Strings: where the contents are, inside the quotes. */
  inner?: Span;
  /** 1-based line of the token's start. */
  line: number;
  /** True when the token is the first on its line. */
  lineStart: boolean;
}

export interface LexComment {
  text: string;
  span: Span;
  ownLine: boolean;
}

export interface Lexed {
  tokens: Token[];
  comments: LexComment[];
}

const PUNCT2 = new Set(['=>', '::', ':=', '==', '!=', '<=', '>=', '->', '&&', '||', '?.', '??']);

export function lex(text: string, language: Language): Lexed {
  const tokens: Token[] = [];
  const comments: LexComment[] = [];
  const hashComments = language === 'python';
  const cComments = language !== 'python';
  let i = 0;
  let line = 1;
  let lineHasToken = false;
  let lineHasAnything = false;
  const n = text.length;

  const push = (kind: TokenKind, start: number, end: number, value: string, inner?: Span) => {
    const token: Token = { kind, text: text.slice(start, end), value, span: { start, end }, line, lineStart: !lineHasToken };
    if (inner) token.inner = inner;
    tokens.push(token);
    lineHasToken = true;
    lineHasAnything = true;
  };
  const countLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      if (text[k] === '\n' || (text[k] === '\r' && text[k + 1] !== '\n')) {
        line++;
        lineHasToken = false;
        lineHasAnything = false;
      }
    }
  };

  while (i < n) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      countLines(i, i + 1);
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff') {
      i++;
      continue;
    }
    // Comments.
    if ((hashComments && c === '#') || (cComments && c === '/' && text[i + 1] === '/')) {
      let end = i;
      while (end < n && text[end] !== '\n' && text[end] !== '\r') end++;
      comments.push({ text: text.slice(i + (c === '#' ? 1 : 2), end), span: { start: i, end }, ownLine: !lineHasAnything });
      i = end;
      continue;
    }
    if (cComments && c === '/' && text[i + 1] === '*') {
      // Kotlin, Scala and Rust block comments nest: `/* a /* b */ c */` is one comment.
      const close = blockCommentClose(text, i, language === 'kotlin' || language === 'scala' || language === 'rust');
      const end = close < 0 ? n : close + 2;
      comments.push({ text: text.slice(i + 2, close < 0 ? n : close), span: { start: i, end }, ownLine: !lineHasAnything });
      countLines(i, end);
      i = end;
      continue;
    }
    // Strings, with their language-specific prefixes and delimiters.
    const string = readString(text, i, language, tokens[tokens.length - 1]);
    if (string) {
      const startLine = line;
      push('string', i, string.end, text.slice(string.inner.start, string.inner.end), string.inner);
      tokens[tokens.length - 1]!.line = startLine;
      countLines(i, string.end);
      // A string that spans lines still occupies the line it ends on: what follows it there is not first on its line.
      lineHasToken = true;
      lineHasAnything = true;
      i = string.end;
      continue;
    }
    if (isIdentStart(c)) {
      let end = i + 1;
      while (end < n && isIdentPart(text[end]!)) end++;
      push('ident', i, end, text.slice(i, end));
      i = end;
      continue;
    }
    // `.5` is a number, but not in `1..5` (a range) or `t.0` (a tuple field).
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? '') && !(i > 0 && /[A-Za-z0-9_$.)\]]/.test(text[i - 1]!)))) {
      let end = i + 1;
      while (end < n) {
        const d = text[end]!;
        // 1..2 (a Kotlin/Rust range) stops the number at the first dot.
        if (d === '.' && text[end + 1] === '.') break;
        // The sign of a decimal exponent: 1.5e-3.
        if ((d === '+' || d === '-') && isDigit(text[end + 1] ?? '') && /^[0-9_]*\.?[0-9_]*[eE]$/.test(text.slice(i, end))) {
          end++;
          continue;
        }
        if (!/[0-9A-Za-z_.]/.test(d)) break;
        end++;
      }
      push('number', i, end, text.slice(i, end).replace(/_/g, ''));
      i = end;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (PUNCT2.has(two)) {
      push('punct', i, i + 2, two);
      i += 2;
      continue;
    }
    push('punct', i, i + 1, c);
    i++;
  }
  return { tokens, comments };
}

// Character-code tests: the tokenizer runs these once or twice per character, so no regular expressions here.
function isIdentStart(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36 || (code >= 0xc0 && code !== 0xfeff);
}

function isIdentPart(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || (code >= 0xc0 && code !== 0xfeff);
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** Tokens after which `/` starts a regular expression in JavaScript rather than a division. */
const REGEX_AFTER = new Set([
  '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '=>', '&&', '||', '??', '==', '!=',
  'return', 'typeof', 'case', 'of', 'in', 'await', 'yield', 'void', 'delete', 'throw', 'else', 'do', 'instanceof', 'new',
]);

/** A Rust char literal: 'a', '\n', '\x41', '\u{1F600}', or one character outside the BMP. */
const RUST_CHAR = /^'(?:\\(?:x[0-9A-Fa-f]{2}|u\{[0-9A-Fa-f_]{1,6}\}|.)|[\ud800-\udbff][\udc00-\udfff]|[^\\'\r\n])'/;
/** A Scala char literal (anything else after `'` is a symbol): 'a', '\n', '\u0041', '\101'. */
const SCALA_CHAR = /^'(?:\\(?:u+[0-9A-Fa-f]{4}|[0-7]{1,3}|.)|[\ud800-\udbff][\udc00-\udfff]|[^\\'\r\n])'/;

interface StringShape {
  close: string;
  /** A backslash escapes the next character. */
  escapes: boolean;
  multiline: boolean;
  /** A doubled quote stands for one quote (C# verbatim strings). */
  doubled?: boolean;
  /** How an interpolation hole opens; its code may hold further strings, which do not end this one. */
  hole?: '${' | '{';
}

function readString(text: string, i: number, language: Language, previous: Token | undefined): { end: number; inner: Span } | undefined {
  const c = text[i]!;
  if (language === 'python') {
    // Prefixes: r, b, u, f and their combinations, in either case.
    const prefix = /^[rRbBuUfF]{0,2}/.exec(text.slice(i, i + 2))![0];
    const quoteAt = i + prefix.length;
    const q = text[quoteAt];
    if (q !== '"' && q !== "'") return undefined;
    if (prefix.length > 0 && i > 0 && isIdentPart(text[i - 1]!)) return undefined;
    // A backslash keeps the next quote from closing the string even in a raw string: r"\"" is a backslash and a quote.
    // f-strings have `{…}` holes, which since Python 3.12 may hold strings in the same quotes.
    const hole = /f/i.test(prefix) ? { hole: '{' as const } : {};
    if (text.startsWith(q.repeat(3), quoteAt)) return scan(text, quoteAt + 3, language, { close: q.repeat(3), escapes: true, multiline: true, ...hole });
    return scan(text, quoteAt + 1, language, { close: q, escapes: true, multiline: false, ...hole });
  }
  if (language === 'csharp') {
    // Raw strings (C# 11): three or more quotes, optionally interpolated with one or more `$`.
    const raw = c === '$' || c === '"' ? /^\$*("{3,})/.exec(text.slice(i, i + 40)) : null;
    if (raw) return scan(text, i + raw[0].length, language, { close: raw[1]!, escapes: false, multiline: true });
    const verbatim = /^(\$@|@\$|@)"/.exec(text.slice(i, i + 3));
    if (verbatim) {
      const shape: StringShape = { close: '"', escapes: false, multiline: true, doubled: true };
      if (verbatim[1]!.includes('$')) shape.hole = '{';
      return scan(text, i + verbatim[0].length, language, shape);
    }
    if (c === '$' && text[i + 1] === '"') return scan(text, i + 2, language, { close: '"', escapes: true, multiline: false, hole: '{' });
    if (c === '"') return scan(text, i + 1, language, { close: '"', escapes: true, multiline: false });
    if (c === "'") return scan(text, i + 1, language, { close: "'", escapes: true, multiline: false });
    return undefined;
  }
  if (language === 'rust') {
    if (c !== '"' && c !== "'" && c !== 'r' && c !== 'b') return undefined;
    if (i > 0 && isIdentPart(text[i - 1]!)) return undefined;
    const raw = /^(b?r)(#*)"/.exec(text.slice(i, i + 12));
    if (raw) return scan(text, i + raw[0].length, language, { close: `"${raw[2]}`, escapes: false, multiline: true });
    // b"bytes" and b'c' are strings too.
    const at = c === 'b' && (text[i + 1] === '"' || text[i + 1] === "'") ? i + 1 : i;
    if (text[at] === '"') return scan(text, at + 1, language, { close: '"', escapes: true, multiline: true });
    // 'a' is a char; 'a (a lifetime) is not a string.
    if (text[at] === "'" && RUST_CHAR.test(text.slice(at, at + 14))) return scan(text, at + 1, language, { close: "'", escapes: true, multiline: false });
    return undefined;
  }
  if (language === 'java' || language === 'kotlin' || language === 'scala') {
    // Kotlin templates and Scala interpolators (s"…", f"…", raw"…") have `${…}` holes.
    const hole = language === 'kotlin' || (language === 'scala' && i > 0 && isIdentPart(text[i - 1]!)) ? { hole: '${' as const } : {};
    if (text.startsWith('"""', i)) return scan(text, i + 3, language, { close: '"""', escapes: language === 'java', multiline: true, ...hole });
    if (c === '"') return scan(text, i + 1, language, { close: '"', escapes: true, multiline: false, ...hole });
    if (c === "'") {
      if (language === 'scala' && !SCALA_CHAR.test(text.slice(i, i + 12))) return undefined; // Scala symbols
      return scan(text, i + 1, language, { close: "'", escapes: true, multiline: false });
    }
    return undefined;
  }
  if (c === '"' || c === "'") return scan(text, i + 1, language, { close: c, escapes: true, multiline: false });
  if (c === '`' && language === 'go') return scan(text, i + 1, language, { close: '`', escapes: false, multiline: true });
  if (c === '`' && language === 'javascript') return scan(text, i + 1, language, { close: '`', escapes: true, multiline: true, hole: '${' });
  if (c === '/' && language === 'javascript' && text[i + 1] !== '/' && text[i + 1] !== '*') {
    const before = previous ? (previous.kind === 'ident' ? previous.text : previous.kind === 'punct' ? previous.text : '') : '(';
    if (previous === undefined || REGEX_AFTER.has(before)) return regexLiteral(text, i) ?? undefined;
  }
  return undefined;
}

/**
 * Reads up to the closing delimiter. An unterminated single-line string ends at the line end; an unterminated
 * multi-line string at the end of the text.
 */
function scan(text: string, start: number, language: Language, shape: StringShape): { end: number; inner: Span } {
  let k = start;
  while (k < text.length) {
    const ch = text[k]!;
    if (shape.escapes && ch === '\\') {
      // A backslash before a line break continues the string on the next line, CRLF included.
      k += text[k + 1] === '\r' && text[k + 2] === '\n' ? 3 : 2;
      continue;
    }
    if (shape.doubled && ch === '"' && text[k + 1] === '"') {
      k += 2;
      continue;
    }
    if (text.startsWith(shape.close, k)) return { end: k + shape.close.length, inner: { start, end: k } };
    if (!shape.multiline && (ch === '\n' || ch === '\r')) return { end: k, inner: { start, end: k } };
    if (shape.hole === '{' && ch === '{' && text[k + 1] === '{') {
      k += 2; // C# `{{` is a literal brace
      continue;
    }
    if (shape.hole && text.startsWith(shape.hole, k)) {
      k = skipHole(text, k + shape.hole.length, language, shape.multiline);
      continue;
    }
    k++;
  }
  return { end: text.length, inner: { start, end: text.length } };
}

/** Skips the code of an interpolation hole up to its closing brace, stepping over the strings in it. */
function skipHole(text: string, start: number, language: Language, multiline: boolean): number {
  let depth = 1;
  let k = start;
  while (k < text.length) {
    const ch = text[k]!;
    if (!multiline && (ch === '\n' || ch === '\r')) return k;
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return k + 1;
    } else if (ch === '"' || ch === "'" || ch === '`' || ((ch === '$' || ch === '@') && language === 'csharp')) {
      const nested = readString(text, k, language, undefined);
      if (nested) {
        k = nested.end;
        continue;
      }
    }
    k++;
  }
  return text.length;
}

/** Where the block comment opened at `start` closes (the index of its final star-slash), or -1. */
function blockCommentClose(text: string, start: number, nests: boolean): number {
  let depth = 1;
  let k = start + 2;
  while (k < text.length) {
    if (text[k] === '*' && text[k + 1] === '/') {
      depth--;
      if (depth === 0) return k;
      k += 2;
      continue;
    }
    if (nests && text[k] === '/' && text[k + 1] === '*') {
      depth++;
      k += 2;
      continue;
    }
    k++;
  }
  return -1;
}

function regexLiteral(text: string, start: number): { end: number; inner: Span } | undefined {
  let k = start + 1;
  let inClass = false;
  while (k < text.length && text[k] !== '\n' && text[k] !== '\r') {
    const c = text[k];
    if (c === '\\') {
      k += 2;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      let end = k + 1;
      while (end < text.length && /[a-z]/i.test(text[end]!)) end++;
      return { end, inner: { start: start + 1, end: k } };
    }
    k++;
  }
  return undefined;
}
