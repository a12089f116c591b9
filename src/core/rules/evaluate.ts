// Judges settings against the rules in the knowledge base, under one workload profile.
import type { Condition, Profile, RuleInfo, Severity } from '../knowledgeTypes';
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { Finding, Setting } from '../types';

/** Per-rule severity chosen by the user; it replaces the rule's own level under every profile. */
export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

export function evaluateRules(
  settings: readonly Setting[],
  profile: Profile,
  keys: KeyIndex,
  lines: LineIndex,
  overrides: SeverityOverrides = {},
): Finding[] {
  const findings: Finding[] = [];
  for (const setting of settings) {
    for (const rule of keys.rulesFor(setting.system, setting.key)) {
      const level = overrides[rule.id] ?? rule.severity[profile];
      if (level === 'off' || !conditionHolds(rule.when, setting.value)) continue;
      findings.push(toFinding(rule, level, setting, profile, lines));
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}

export function conditionHolds(condition: Condition, rawValue: string): boolean {
  const value = rawValue.trim();
  const expected = condition.value;
  switch (condition.op) {
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const actual = toNumber(value);
      const limit = typeof expected === 'number' ? expected : toNumber(String(expected));
      if (actual === undefined || limit === undefined) return false;
      if (condition.op === 'gt') return actual > limit;
      if (condition.op === 'gte') return actual >= limit;
      if (condition.op === 'lt') return actual < limit;
      return actual <= limit;
    }
    case 'eq':
      return sameValue(value, expected);
    case 'ne':
      return !sameValue(value, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((candidate) => sameValue(value, candidate));
    case 'notIn':
      return Array.isArray(expected) && !expected.some((candidate) => sameValue(value, candidate));
  }
}

function sameValue(actual: string, expected: Condition['value']): boolean {
  if (Array.isArray(expected)) return false;
  const actualNumber = toNumber(actual);
  if (typeof expected === 'number' || actualNumber !== undefined) {
    const expectedNumber = typeof expected === 'number' ? expected : toNumber(expected);
    if (actualNumber !== undefined && expectedNumber !== undefined) return actualNumber === expectedNumber;
  }
  return actual.toLowerCase() === String(expected).toLowerCase();
}

/** A plain decimal number, or undefined; `1e3`, hex and empty strings are not numbers to a Kafka config parser. */
function toNumber(text: string): number | undefined {
  return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

function toFinding(rule: RuleInfo, severity: Severity, setting: Setting, profile: Profile, lines: LineIndex): Finding {
  const span = { start: setting.keySpan.start, end: Math.max(setting.valueSpan.end, setting.keySpan.end) };
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  const finding: Finding = {
    file: setting.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ruleId: rule.id,
    severity,
    message: fillTemplate(rule.message, setting, profile),
    span,
    profile,
  };
  if (rule.fix.replacement !== undefined) {
    finding.fix = { title: rule.fix.title, edit: { span: setting.valueSpan, newText: rule.fix.replacement } };
  }
  return finding;
}

export function fillTemplate(template: string, setting: Setting, profile: Profile): string {
  return template.replace(/\{(value|key|rawKey|profile)\}/g, (_, name: string) => {
    if (name === 'value') return setting.value.trim();
    if (name === 'key') return setting.key;
    if (name === 'rawKey') return setting.rawKey;
    return profile;
  });
}
