// Finds the modules a source file imports, per language, from its tokens (so text in comments and strings never
// counts). Python's `from a import b` yields both `a` and `a.b`, because some clients are imported as submodules
// (`from google.cloud import pubsub_v1`).
import type { Span } from '../types';
import type { Language, Token } from './lexer';

export interface ImportRef {
  module: string;
  /** The line of the module as written (for `from a import (b,` … the line of `b`). */
  line: number;
  /** The line where the import statement starts: one statement is one import, however many lines it spans. */
  statementLine: number;
  span: Span;
}

export function findImports(tokens: readonly Token[], language: Language, text: string): ImportRef[] {
  switch (language) {
    case 'javascript':
      return javascriptImports(tokens);
    case 'python':
      return pythonImports(tokens);
    case 'go':
      return goImports(tokens);
    case 'csharp':
      return csharpImports(tokens);
    case 'rust':
      return rustImports(tokens);
    default:
      return jvmImports(tokens, text);
  }
}

const ref = (module: string, token: Token, end?: Token, statement: Token = token): ImportRef => ({
  module, line: token.line, statementLine: statement.line, span: { start: token.span.start, end: (end ?? token).span.end },
});

function javascriptImports(tokens: readonly Token[]): ImportRef[] {
  const found: ImportRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (t.kind !== 'ident' || prev?.text === '.' || prev?.text === '?.') continue;
    // require('x'), import('x'), jest.mock-free forms only: the callee must be the bare name.
    if ((t.text === 'require' || t.text === 'import') && tokens[i + 1]?.text === '(' && tokens[i + 2]?.kind === 'string' && tokens[i + 3]?.text === ')') {
      found.push(ref(tokens[i + 2]!.value, tokens[i + 2]!, undefined, t));
      continue;
    }
    // import … from 'x' / export … from 'x' / import 'x'
    if ((t.text === 'import' || t.text === 'export') && t.lineStart) {
      if (tokens[i + 1]?.kind === 'string') {
        found.push(ref(tokens[i + 1]!.value, tokens[i + 1]!, undefined, t));
        continue;
      }
      for (let k = i + 1; k < tokens.length && k < i + 200; k++) {
        const u = tokens[k]!;
        if (u.text === ';' || (u.lineStart && (u.text === 'import' || u.text === 'export' || u.text === 'const'))) break;
        if (u.kind === 'ident' && u.text === 'from' && tokens[k + 1]?.kind === 'string') {
          found.push(ref(tokens[k + 1]!.value, tokens[k + 1]!, undefined, t));
          break;
        }
      }
    }
  }
  return found;
}

/** Reads a dotted name starting at tokens[i]; returns it and the index after it. */
function dotted(tokens: readonly Token[], i: number, separator = '.'): { name: string; next: number; last: Token } | undefined {
  const first = tokens[i];
  if (first?.kind !== 'ident') return undefined;
  let name = first.text;
  let k = i + 1;
  let last = first;
  while (tokens[k]?.text === separator && tokens[k + 1]?.kind === 'ident' && tokens[k]!.span.start === last.span.end) {
    name += separator + tokens[k + 1]!.text;
    last = tokens[k + 1]!;
    k += 2;
  }
  return { name, next: k, last };
}

function pythonImports(tokens: readonly Token[]): ImportRef[] {
  const found: ImportRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident' || !t.lineStart) continue;
    if (t.text === 'import') {
      // import a.b as c, d
      let k = i + 1;
      for (;;) {
        const name = dotted(tokens, k);
        if (!name) break;
        found.push(ref(name.name, tokens[k]!, name.last, t));
        k = name.next;
        if (tokens[k]?.text === 'as') k += 2;
        if (tokens[k]?.text !== ',') break;
        k++;
      }
    } else if (t.text === 'from') {
      const name = dotted(tokens, i + 1);
      if (!name || tokens[name.next]?.text !== 'import') continue;
      found.push(ref(name.name, tokens[i + 1]!, name.last, t));
      let k = name.next + 1;
      if (tokens[k]?.text === '(') k++;
      while (tokens[k]?.kind === 'ident') {
        found.push(ref(`${name.name}.${tokens[k]!.text}`, tokens[k]!, undefined, t));
        k++;
        if (tokens[k]?.text === 'as') k += 2;
        if (tokens[k]?.text !== ',') break;
        k++;
      }
    }
  }
  return found;
}

function goImports(tokens: readonly Token[]): ImportRef[] {
  const found: ImportRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident' || t.text !== 'import' || !t.lineStart) continue;
    if (tokens[i + 1]?.text === '(') {
      for (let k = i + 2; k < tokens.length && tokens[k]!.text !== ')'; k++) {
        if (tokens[k]!.kind === 'string') found.push(ref(tokens[k]!.value, tokens[k]!));
      }
    } else {
      // import "x" or import alias "x"
      const string = tokens[i + 1]?.kind === 'string' ? tokens[i + 1] : tokens[i + 2]?.kind === 'string' ? tokens[i + 2] : undefined;
      if (string) found.push(ref(string.value, string, undefined, t));
    }
  }
  return found;
}

function csharpImports(tokens: readonly Token[]): ImportRef[] {
  const found: ImportRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident' || t.text !== 'using') continue;
    const atStatementStart = t.lineStart || tokens[i - 1]?.text === 'global' || tokens[i - 1]?.text === ';';
    if (!atStatementStart) continue;
    let k = i + 1;
    if (tokens[k]?.text === 'static') k++;
    // using Alias = A.B;
    if (tokens[k]?.kind === 'ident' && tokens[k + 1]?.text === '=') k += 2;
    const name = dotted(tokens, k);
    // `using var x = …` and `using (…)` are statements, not imports.
    if (!name || tokens[name.next]?.text !== ';') continue;
    found.push(ref(name.name, tokens[k]!, name.last, t));
  }
  // Code declared inside a namespace sees that namespace's types without a using directive (`namespace
  // Confluent.Kafka.Examples` uses Confluent.Kafka's ConsumerConfig as is), so the declaration imports it too.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident' || t.text !== 'namespace' || !t.lineStart) continue;
    const name = dotted(tokens, i + 1);
    if (name && (tokens[name.next]?.text === ';' || tokens[name.next]?.text === '{')) found.push(ref(name.name, tokens[i + 1]!, name.last, t));
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

function rustImports(tokens: readonly Token[]): ImportRef[] {
  const found: ImportRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident') continue;
    if (t.text === 'use' && (t.lineStart || tokens[i - 1]?.text === 'pub')) {
      const name = dotted(tokens, i + 1, '::');
      if (name) found.push(ref(name.name.split('::')[0]!, tokens[i + 1]!, name.last, tokens[i - 1]?.text === 'pub' ? tokens[i - 1] : t));
    } else if (t.text === 'crate' && tokens[i - 1]?.text === 'extern' && tokens[i + 1]?.kind === 'ident') {
      found.push(ref(tokens[i + 1]!.text, tokens[i + 1]!, undefined, tokens[i - 1]));
    }
  }
  return found;
}

function jvmImports(tokens: readonly Token[], text: string): ImportRef[] {
  const found: ImportRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident' || t.text !== 'import' || !t.lineStart) continue;
    let k = i + 1;
    if (tokens[k]?.text === 'static') k++;
    const name = dotted(tokens, k);
    if (name) found.push(ref(name.name, tokens[k]!, name.last, t));
  }
  void text;
  return found;
}
