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
    if (pattern.language !== language || !imports.some((i) => i.module === pattern.module || i.module.startsWith(`${pattern.module}/`))) continue;
    const info = keys.lookup(pattern.system, pattern.key);
    if (!info) continue;
    const construct = pattern.construct;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.kind !== 'ident') continue;
      let covered: boolean;
      if (construct.kind === 'composite') {
        if (token.text !== construct.type || tokens[i + 1]?.text !== '{' || tokens[i - 1]?.text !== '.') continue;
        covered = fieldInside(tokens, i + 1, pattern.field, ':');
      } else {
        if (token.text !== construct.callee || tokens[i + 1]?.text !== '(' || tokens[i - 1]?.text === 'def' || tokens[i - 1]?.text === 'func') continue;
        // A keyword argument in the call, or (for configuration objects) an assignment anywhere in the file.
        covered = fieldInside(tokens, i + 1, pattern.field, '=') || tokens.some((t, k) => t.text === pattern.field && tokens[k - 1]?.text === '.' && tokens[k + 1]?.text === '=');
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

/** Whether `field <separator>` appears directly inside the bracket opened at tokens[open]. */
function fieldInside(tokens: readonly Token[], open: number, field: string, separator: string): boolean {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.text === '(' || t.text === '{' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === '}' || t.text === ']') {
      depth--;
      if (depth === 0) return false;
    } else if (depth === 1 && t.text === field && tokens[k + 1]?.text === separator) return true;
  }
  return false;
}
