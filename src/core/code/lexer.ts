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
      const close = text.indexOf('*/', i + 2);
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
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      let end = i + 1;
      while (end < n && /[0-9A-Za-z_.]/.test(text[end]!)) {
        // 1..2 (a Kotlin/Rust range) stops the number at the first dot.
        if (text[end] === '.' && text[end + 1] === '.') break;
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

function isIdentStart(c: string): boolean {
  return /[A-Za-z_$\u00c0-\uffff]/.test(c) && c !== '\u00a0' && c !== '\ufeff';
}

function isIdentPart(c: string): boolean {
  return /[A-Za-z0-9_$\u00c0-\uffff]/.test(c) && c !== '\u00a0' && c !== '\ufeff';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** Tokens after which `/` starts a regular expression in JavaScript rather than a division. */
const REGEX_AFTER = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '=>', '&&', '||', '??', '==', '!=', 'return', 'typeof', 'case', 'of', 'in']);

function readString(text: string, i: number, language: Language, previous: Token | undefined): { end: number; inner: Span } | undefined {
  const c = text[i]!;
  const n = text.length;
  if (language === 'python') {
    // Prefixes: r, b, u, f and their combinations, in either case.
    const prefix = /^[rRbBuUfF]{0,2}/.exec(text.slice(i, i + 2))![0];
    const quoteAt = i + prefix.length;
    const q = text[quoteAt];
    if (q !== '"' && q !== "'") return undefined;
    if (prefix.length > 0 && i > 0 && isIdentPart(text[i - 1]!)) return undefined;
    const raw = /r/i.test(prefix);
    if (text.startsWith(q.repeat(3), quoteAt)) return delimited(text, quoteAt + 3, q.repeat(3), !raw, true);
    return delimited(text, quoteAt + 1, q, !raw, false);
  }
  if (language === 'csharp') {
    if (c === '"' && text.startsWith('"""', i)) return delimited(text, i + 3, '"""', false, true);
    const verbatim = /^(\$@|@\$|@)"/.exec(text.slice(i, i + 3));
    if (verbatim) return verbatimString(text, i + verbatim[0].length);
    if (c === '$' && text[i + 1] === '"') return delimited(text, i + 2, '"', true, false);
    if (c === '"') return delimited(text, i + 1, '"', true, false);
    if (c === "'") return delimited(text, i + 1, "'", true, false);
    return undefined;
  }
  if (language === 'rust') {
    const raw = /^(b?r)(#*)"/.exec(text.slice(i, i + 12));
    if (raw && !(i > 0 && isIdentPart(text[i - 1]!))) return delimited(text, i + raw[0].length, `"${raw[2]}`, false, true);
    if (c === '"') return delimited(text, i + 1, '"', true, true);
    // 'a' is a char; 'a (a lifetime) is not a string.
    if (c === "'" && /^'(\\.|[^\\'])'/.test(text.slice(i, i + 4))) return delimited(text, i + 1, "'", true, false);
    return undefined;
  }
  if ((language === 'java' || language === 'kotlin' || language === 'scala') && text.startsWith('"""', i)) {
    return delimited(text, i + 3, '"""', language === 'java', true);
  }
  if (c === '"') return delimited(text, i + 1, '"', true, language === 'go' ? false : language === 'javascript' ? false : false);
  if (c === "'") {
    if (language === 'scala' && !/^'(\\.|[^\\'])'/.test(text.slice(i, i + 4))) return undefined; // Scala symbols
    return delimited(text, i + 1, "'", true, false);
  }
  if (c === '`' && (language === 'javascript' || language === 'go')) return delimited(text, i + 1, '`', language === 'javascript', true);
  if (c === '/' && language === 'javascript' && text[i + 1] !== '/' && text[i + 1] !== '*') {
    const before = previous ? (previous.kind === 'ident' ? previous.text : previous.kind === 'punct' ? previous.text : '') : '(';
    if (previous === undefined || REGEX_AFTER.has(before)) return regexLiteral(text, i) ?? undefined;
  }
  void n;
  return undefined;
}

/** Reads up to the closing delimiter; an unterminated single-line string ends at the line end. */
function delimited(text: string, start: number, close: string, escapes: boolean, multiline: boolean): { end: number; inner: Span } {
  let k = start;
  while (k < text.length) {
    if (escapes && text[k] === '\\') {
      k += 2;
      continue;
    }
    if (text.startsWith(close, k)) return { end: k + close.length, inner: { start, end: k } };
    if (!multiline && (text[k] === '\n' || text[k] === '\r')) return { end: k, inner: { start, end: k } };
    k++;
  }
  return { end: text.length, inner: { start, end: text.length } };
}

/** C# @"…": no escapes, "" is a quote, may span lines. */
function verbatimString(text: string, start: number): { end: number; inner: Span } {
  let k = start;
  while (k < text.length) {
    if (text[k] === '"') {
      if (text[k + 1] === '"') {
        k += 2;
        continue;
      }
      return { end: k + 1, inner: { start, end: k } };
    }
    k++;
  }
  return { end: text.length, inner: { start, end: text.length } };
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
