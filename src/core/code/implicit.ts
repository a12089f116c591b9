// Settings a client applies by default when code leaves them out, where that default is risky: segmentio/kafka-go's
// Writer acknowledges nothing (acks=0) unless RequiredAcks is set; sarama's and aiokafka's producers wait for the
// leader only (acks=1). The finding then sits on the construct that takes the default.
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { Setting } from '../types';
import type { ImportRef } from './imports';
import type { Language, Token } from './lexer';
import { IMPLICIT_DEFAULTS } from './patterns';

export function implicitSettings(file: string, language: Language, tokens: readonly Token[], imports: readonly ImportRef[], lines: LineIndex, keys: KeyIndex): Setting[] {
  const settings: Setting[] = [];
  for (const pattern of IMPLICIT_DEFAULTS) {
    const matching = imports.filter((i) => i.module === pattern.module || i.module.startsWith(`${pattern.module}/`));
    if (pattern.language !== language || matching.length === 0) continue;
    const info = keys.lookup(pattern.system, pattern.key);
    if (!info) continue;
    const required = pattern.requiresCall;
    if (required && !tokens.some((t, k) => t.kind === 'ident' && required.includes(t.text) && tokens[k + 1]?.text === '(')) continue;
    const construct = pattern.construct;
    const qualifiers = pattern.goPackage === undefined ? undefined : goQualifiers(tokens, matching, pattern.goPackage);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.kind !== 'ident') continue;
      if (qualifiers && !qualifiedBy(tokens, i, qualifiers)) continue;
      let covered: boolean;
      if (construct.kind === 'composite') {
        if (token.text !== construct.type || tokens[i + 1]?.text !== '{' || tokens[i - 1]?.text !== '.') continue;
        // `func f() *kafka.Writer {` is a result type followed by the function body, not a composite literal.
        if (tokens[i - 3]?.text === '*' || tokens[i - 3]?.text === ')') continue;
        covered = fieldInside(tokens, i + 1, pattern.field, ':');
      } else {
        if (token.text !== construct.callee || tokens[i + 1]?.text !== '(' || tokens[i - 1]?.text === 'def' || tokens[i - 1]?.text === 'func') continue;
        // A keyword argument in the call, or (for configuration objects) an assignment anywhere in the file; a call
        // that unpacks keyword arguments (`**config`) may pass the field too.
        covered = fieldInside(tokens, i + 1, pattern.field, '=') || unpacksKeywords(tokens, i + 1)
          || tokens.some((t, k) => t.text === pattern.field && tokens[k - 1]?.text === '.' && tokens[k + 1]?.text === '=');
      }
      if (covered) continue;
      const position = lines.positionAt(token.span.start);
      settings.push({
        file, line: position.line, column: position.column, system: pattern.system, key: info.key, rawKey: pattern.field,
        value: pattern.value, keySpan: token.span, valueSpan: token.span, valueStyle: 'identifier', implicit: pattern.origin,
      });
    }
  }
  return settings;
}

/**
 * Whether some token directly inside the bracket opened at tokens[open] (not inside a nested bracket) satisfies
 * `test`, which gets the token's index.
 */
function anyInside(tokens: readonly Token[], open: number, test: (k: number) => boolean): boolean {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const text = tokens[k]!.text;
    if (text === '(' || text === '{' || text === '[') depth++;
    else if (text === ')' || text === '}' || text === ']') {
      depth--;
      if (depth === 0) return false;
    } else if (depth === 1 && test(k)) return true;
  }
  return false;
}

/** Whether `field <separator>` appears directly inside the bracket opened at tokens[open]. */
function fieldInside(tokens: readonly Token[], open: number, field: string, separator: string): boolean {
  return anyInside(tokens, open, (k) => tokens[k]!.text === field && tokens[k + 1]?.text === separator);
}

/**
 * The names a Go file refers to an imported package by: its alias (`k "github.com/segmentio/kafka-go"`) or its package
 * name; `.` (a dot import) allows unqualified use, written as ''.
 */
export function goQualifiers(tokens: readonly Token[], imports: readonly ImportRef[], packageName: string): Set<string> {
  const names = new Set<string>();
  for (const ref of imports) {
    const at = tokens.findIndex((t) => t.span.start === ref.span.start);
    const alias = at > 0 ? tokens[at - 1]! : undefined;
    if (alias && alias.kind === 'ident' && alias.text !== 'import') names.add(alias.text);
    else if (alias && alias.text === '.') names.add('');
    else names.add(packageName);
  }
  return names;
}

/** Whether tokens[i] is written `q.name` with q among the qualifiers (or bare, when '' is among them). */
export function qualifiedBy(tokens: readonly Token[], i: number, qualifiers: ReadonlySet<string>): boolean {
  if (tokens[i - 1]?.text === '.') return tokens[i - 2]?.kind === 'ident' && qualifiers.has(tokens[i - 2]!.text);
  return qualifiers.has('');
}

/** Whether the call opened at tokens[open] passes `**mapping` directly among its arguments. */
function unpacksKeywords(tokens: readonly Token[], open: number): boolean {
  return anyInside(tokens, open, (k) => {
    const t = tokens[k]!;
    return t.text === '*' && tokens[k + 1]?.text === '*' && tokens[k + 1]!.span.start === t.span.end
      && (tokens[k - 1]?.text === '(' || tokens[k - 1]?.text === ',');
  });
}
