// Options written as function calls (GO_OPTION_FUNCTIONS): franz-go's `kgo.RequiredAcks(kgo.LeaderAck())`,
// `kgo.ProducerLinger(50 * time.Millisecond)`, `kgo.DisableAutoCommit()`, wherever they appear in a file that imports
// the package (a literal slice of options, an `append`, a switch that picks one).
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { Setting } from '../types';
import { closing } from './entities';
import { goQualifiers, qualifiedBy } from './implicit';
import type { ImportRef } from './imports';
import type { Language, Token } from './lexer';
import { makeSetting, readValue, type CodeValue } from './literals';
import { durationMs, GO_OPTION_FUNCTIONS, type OptionFunction } from './patterns';

/** Milliseconds in Go's time units. */

export function optionSettings(file: string, language: Language, tokens: readonly Token[], imports: readonly ImportRef[], lines: LineIndex, keys: KeyIndex): Setting[] {
  if (language !== 'go') return [];
  const settings: Setting[] = [];
  for (const pkg of GO_OPTION_FUNCTIONS) {
    const matching = imports.filter((i) => i.module === pkg.module);
    if (matching.length === 0) continue;
    const qualifiers = goQualifiers(tokens, matching, pkg.goPackage);
    const context = { file, lines, keys, language, systems: [pkg.system] };
    for (let i = 0; i < tokens.length - 1; i++) {
      const token = tokens[i]!;
      const option = token.kind === 'ident' ? pkg.options[token.text] : undefined;
      if (!option || tokens[i + 1]!.text !== '(' || !qualifiedBy(tokens, i, qualifiers)) continue;
      const info = keys.lookup(pkg.system, option.key);
      if (!info) continue;
      const value = optionValue(tokens, i + 1, option, qualifiers);
      if (value) settings.push(makeSetting(context, pkg.system, info.key, token, value, undefined, token.text));
    }
  }
  return settings;
}

/** The value an option call sets, from the call opened at tokens[open]; undefined when it is not written literally. */
function optionValue(tokens: readonly Token[], open: number, option: OptionFunction, qualifiers: ReadonlySet<string>): CodeValue | undefined {
  const close = closing(tokens, open);
  if (close >= tokens.length) return undefined;
  const argument = tokens.slice(open + 1, close);
  const span = argument.length > 0 ? { start: argument[0]!.span.start, end: argument[argument.length - 1]!.span.end } : tokens[open - 1]!.span;
  const text = argument.map((t) => t.text).join('');
  if (option.value !== undefined) {
    if (argument.length > 0) return undefined;
    return { text: option.value, span, style: 'identifier', last: close - 1 };
  }
  if (option.constants) {
    // The constant is a call on the package (`kgo.LeaderAck()`) or at the end of a chain (`kgo.NewOffset().AtStart()`).
    for (let k = argument.length - 1; k >= 0; k--) {
      const name = argument[k]!.text;
      if (option.constants[name] === undefined || argument[k + 1]?.text !== '(') continue;
      if (k === 0 || (argument[k - 1]?.text === '.' && (argument[k - 2]?.text === ')' || qualifiers.has(argument[k - 2]?.text ?? '')))) {
        return { text, span, style: 'identifier', last: close - 1, effective: option.constants[name] };
      }
    }
    return undefined;
  }
  if (option.duration) {
    const ms = durationMs(argument);
    return ms === undefined ? undefined : { text, span, style: 'identifier', last: close - 1, effective: String(ms) };
  }
  const value = readValue(tokens, open + 1, 'go');
  return value && value.last === close - 1 ? value : undefined;
}

