// Judges settings against the rules in the knowledge base, under one workload profile.
import type { Condition, ConditionValue, Profile, RuleInfo, Severity } from '../knowledgeTypes';
import type { KeyIndex } from '../keyIndex';
import type { ClientUse, UnknownKey } from '../extract/types';
import type { LineIndex } from '../text';
import type { Finding, RelatedPlace, Setting, Span } from '../types';
import { placeOf, runCheck } from './checks';
import { judgeInContext, type FileContext } from './context';

/** Per-rule severity chosen by the user; it replaces the rule's own level under every profile. */
export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

export interface RuleContext {
  file: string;
  settings: readonly Setting[];
  /** Where the file imports or declares catalogue clients. */
  clientUses: readonly ClientUse[];
  /** Keys the knowledge base does not know, in places that hold one system's configuration. */
  unknownKeys: readonly UnknownKey[];
  profile: Profile;
  keys: KeyIndex;
  lines: LineIndex;
}

/** What the rules judge in one file: its settings, the clients it uses, and keys nobody knows. */
export interface Judged {
  file: string;
  format?: string;
  settings: readonly Setting[];
  clientUses?: readonly ClientUse[];
  unknownKeys?: readonly UnknownKey[];
  /** The file's role, its deployment and its calls; without it the file is judged as production code. */
  context?: FileContext;
}

const PRODUCTION: FileContext = { role: { role: 'production', reason: '' }, nonProduction: 'unchanged', scopes: {} };

export function evaluateRules(judged: Judged, profile: Profile, keys: KeyIndex, lines: LineIndex, overrides: SeverityOverrides = {}): Finding[] {
  const { settings, format } = judged;
  if (settings.length === 0 && !judged.clientUses?.length && !judged.unknownKeys?.length) return [];
  const context: RuleContext = {
    file: judged.file, settings, clientUses: judged.clientUses ?? [], unknownKeys: judged.unknownKeys ?? [], profile, keys, lines,
  };
  const findings: Finding[] = [];
  const fileContext = judged.context ?? PRODUCTION;
  const clientOf = (id: string) => keys.knowledge.clients.find((c) => c.id === id);
  for (const rule of keys.knowledge.rules) {
    const level = overrides[rule.id] ?? rule.severity[profile];
    if (level === 'off') continue;
    if (rule.formats && format !== undefined && !rule.formats.includes(format)) continue;
    // Context applies to a user's severity as to the rule's own: a rule never speaks where it does not apply, never
    // offers a fix that would break the setup, and findings outside production code follow mqLens.nonProductionSeverity.
    const judge = (setting: Setting) => judgeInContext(rule, level, setting, fileContext, clientOf);
    if (rule.check) {
      for (const hit of runCheck(rule.check, context, rule)) {
        const verdict = judge(hit.setting);
        if (!verdict) continue;
        const finding = makeFinding(rule, verdict.severity, hit.setting, context, hit.message, hit.related);
        if (hit.fix) finding.fix = hit.fix;
        findings.push(withVerdict(finding, verdict));
      }
      continue;
    }
    const when = rule.when;
    if (!when) continue;
    const whenKey = canonicalKey(keys, rule.system, when.key);
    for (const setting of settings) {
      if ((setting.system !== rule.system && !rule.alsoFor?.includes(setting.system)) || setting.key !== whenKey) continue;
      if (!holdsFor(when, setting)) continue;
      // A client's implied default is judged on its own: combinations with other settings assume the Java client.
      if (setting.implicit && rule.and && rule.and.length > 0) continue;
      const related = otherConditions(rule, setting, context);
      if (!related) continue;
      const verdict = judge(setting);
      if (!verdict) continue;
      const message = withOrigin(fillTemplate(rule.message, setting, profile, related.settings), setting);
      findings.push(withVerdict(makeFinding(rule, verdict.severity, setting, context, message, related.places), verdict));
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}

/** What context did to a finding: no fix where the fix would break the setup, and the context that changed it. */
function withVerdict(finding: Finding, verdict: { withoutFix: boolean; context?: Finding['context'] }): Finding {
  if (verdict.withoutFix) delete finding.fix;
  if (verdict.context) finding.context = verdict.context;
  return finding;
}

/** Says where an implied value comes from: "… is 0 (the default of segmentio/kafka-go's Writer)." */
function withOrigin(message: string, setting: Setting): string {
  return setting.implicit ? `${message.replace(/\.$/, '')} (${setting.implicit}).` : message;
}

/** The value a rule judges: what the setting means, which may differ from how it is written. */
export function valueOf(setting: Setting): string {
  return (setting.effectiveValue ?? setting.value).trim();
}

/** Settings in the same scope as `setting`: the same file and, when set, the same code block or client. */
export function sameScope(settings: readonly Setting[], setting: Setting): Setting[] {
  return settings.filter((s) => s.file === setting.file && s.scope === setting.scope && s.system === setting.system);
}

function canonicalKey(keys: KeyIndex, system: string, key: string): string {
  return keys.lookup(system, key)?.key ?? key;
}

/** Checks a rule's `and` conditions; returns the settings that satisfied them, or undefined when one fails. */
function otherConditions(rule: RuleInfo, setting: Setting, context: RuleContext): { settings: Setting[]; places: RelatedPlace[] } | undefined {
  // Most rules have no other condition: they need no scope, whose search is linear in the file's settings.
  if (!rule.and?.length && !rule.unless?.length) return { settings: [], places: [] };
  const scope = sameScope(context.settings, setting);
  const matched: Setting[] = [];
  for (const condition of rule.and ?? []) {
    const key = canonicalKey(context.keys, rule.system, condition.key);
    const candidates = scope.filter((s) => s.key === key && s !== setting);
    if (condition.op === 'absent') {
      if (candidates.some((s) => !s.implicit)) return undefined;
      continue;
    }
    if (condition.op === 'present') {
      if (candidates.length === 0) return undefined;
      continue;
    }
    // The last written value wins, as it does when a client reads its configuration.
    const last = candidates[candidates.length - 1];
    if (!last || !holdsFor(condition, last)) return undefined;
    matched.push(last);
  }
  for (const condition of rule.unless ?? []) {
    const key = canonicalKey(context.keys, rule.system, condition.key);
    const last = scope.filter((s) => s.key === key && s !== setting).pop();
    // A value computed at run time may be the one that makes the setting safe: say nothing.
    if (last && (last.computed || conditionHolds(condition, valueOf(last)))) return undefined;
  }
  return { settings: matched, places: matched.map((s) => placeOf(context, s)) };
}

/** A condition on a setting; one computed at run time satisfies only `present` (its value is unknown). */
function holdsFor(condition: Condition, setting: Setting): boolean {
  if (setting.computed) return condition.op === 'present';
  return conditionHolds(condition, valueOf(setting));
}

export function conditionHolds(condition: Condition, rawValue: string): boolean {
  const value = rawValue.trim();
  const expected = condition.value;
  switch (condition.op) {
    case 'absent':
      return false;
    case 'present':
      return true;
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
    case 'matches':
      return typeof expected === 'string' && new RegExp(expected, 'i').test(value);
    case 'in':
      return Array.isArray(expected) && expected.some((candidate) => sameValue(value, candidate));
    case 'notIn':
      return Array.isArray(expected) && !expected.some((candidate) => sameValue(value, candidate));
  }
}

function sameValue(actual: string, expected: ConditionValue | undefined): boolean {
  if (expected === undefined || Array.isArray(expected)) return false;
  const actualNumber = toNumber(actual);
  const expectedNumber = typeof expected === 'number' ? expected : toNumber(String(expected));
  if (actualNumber !== undefined && expectedNumber !== undefined) return actualNumber === expectedNumber;
  return actual.toLowerCase() === String(expected).toLowerCase();
}

/** A plain decimal number, or undefined; `1e3`, hex and empty strings are not numbers to a config parser. */
export function toNumber(text: string): number | undefined {
  return /^[+-]?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : undefined;
}

function makeFinding(rule: RuleInfo, severity: Severity, setting: Setting, context: RuleContext, message: string, related: RelatedPlace[] = []): Finding {
  const span: Span = setting.implicit
    ? setting.keySpan
    : { start: setting.keySpan.start, end: Math.max(setting.valueSpan.end, setting.keySpan.end) };
  const start = context.lines.positionAt(span.start);
  const end = context.lines.positionAt(span.end);
  const finding: Finding = {
    file: setting.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ruleId: rule.id,
    system: setting.system,
    severity,
    message,
    span,
    profile: context.profile,
  };
  const edit = rule.fix.replacement === undefined || setting.implicit ? undefined : replacementEdit(setting, rule.fix.replacement);
  if (edit) finding.fix = { title: rule.fix.title, edit };
  const path = (setting.trace ?? []).map((place): RelatedPlace => ({ ...context.lines.positionAt(place.span.start), span: place.span, message: place.message }));
  if (related.length + path.length > 0) finding.related = [...path, ...related];
  if (rule.tags && rule.tags.length > 0) finding.tags = rule.tags;
  if (setting.workspace) finding.workspace = setting.workspace;
  return finding;
}

/** The edit that writes `replacement` in place of the setting's value in its own style, or undefined when unsafe. */
export function replacementEdit(setting: Setting, replacement: string): { span: Span; newText: string } | undefined {
  switch (setting.valueStyle ?? 'bare') {
    case 'bare':
    case 'quoted':
      return { span: setting.valueSpan, newText: replacement };
    case 'number':
      return toNumber(replacement) === undefined ? undefined : { span: setting.valueSpan, newText: replacement };
    case 'boolean': {
      const lower = replacement.toLowerCase();
      if (lower !== 'true' && lower !== 'false') return undefined;
      const text = setting.booleanCase === 'title' ? lower[0]!.toUpperCase() + lower.slice(1) : lower;
      return { span: setting.valueSpan, newText: text };
    }
    default:
      return undefined;
  }
}

export function fillTemplate(template: string, setting: Setting, profile: Profile, related: readonly Setting[] = [], extra: Record<string, string> = {}): string {
  return template.replace(/\{(value|key|rawKey|profile|value:[A-Za-z0-9._-]+|[a-zA-Z]+)\}/g, (whole, name: string) => {
    if (name === 'value') return valueOf(setting);
    if (name === 'key') return setting.key;
    if (name === 'rawKey') return setting.rawKey;
    if (name === 'profile') return profile;
    if (name.startsWith('value:')) {
      const other = related.find((s) => s.key === name.slice(6) || s.rawKey === name.slice(6));
      return other ? valueOf(other) : whole;
    }
    return extra[name] ?? whole;
  });
}
