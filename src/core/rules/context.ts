// Applies what a reviewer sees around a setting (DESIGN.md, "Context") to a rule's verdict, the same way for every
// rule: whether the rule is about this entity, client, version and code at all; how a single-broker deployment
// changes it; and how far a test, a sample or a documentation page lowers it.
import type { RoleContext } from '../context/role';
import type { ScopeContexts } from '../context/deployment';
import type { ClientInfo, RuleInfo, Severity } from '../knowledgeTypes';
import type { FindingContext, Setting } from '../types';

/** How findings in tests, samples and documentation are reported: at most this level, or as in production code. */
export type NonProductionLevel = 'off' | 'hint' | 'info' | 'unchanged';

export interface FileContext {
  role: RoleContext;
  nonProduction: NonProductionLevel;
  scopes: ScopeContexts;
  /** Callee names in a source file (lower case); absent for configuration files. */
  calls?: ReadonlySet<string>;
  /** For a store that may be a cache (a redis.conf): whether its path or comments say it serves queues. */
  holdsQueues?: boolean;
  /** True where the file declares RabbitMQ queues only as quorum queues or streams (typed, none classic). */
  replicatedQueues?: boolean;
}

export interface Verdict {
  severity: Severity;
  /** True when the standard fix would break this setup. */
  withoutFix: boolean;
  context?: FindingContext;
}

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };
const ROLE_WORDS = { test: 'test code', sample: 'a sample or tutorial', docs: 'documentation' } as const;

/** The finding's severity, fix and context for `setting` in this file, or undefined when the rule does not apply here. */
export function judgeInContext(rule: RuleInfo, level: Severity, setting: Setting | undefined, file: FileContext, clientOf: (id: string) => ClientInfo | undefined): Verdict | undefined {
  const spec = rule.context;
  // Settings of a whole file (a `.conf` or `.properties` file) have no scope of their own: the file's entry is ''.
  const scope = setting ? file.scopes[setting.scope ?? ''] : undefined;
  if (spec && setting && !applies(spec, setting, scope?.version, file, clientOf)) return undefined;
  let severity = level;
  let withoutFix = setting !== undefined && isClient(setting, spec?.noFixFor, clientOf);
  const notes: string[] = [];
  let context: FindingContext | undefined;
  if (spec?.singleBroker && scope?.brokers === 1) {
    if (spec.singleBroker.severity === 'off') return undefined;
    severity = lower(severity, spec.singleBroker.severity);
    withoutFix = true;
    notes.push(spec.singleBroker.note);
    context = { brokers: 1, note: '' };
  }
  if (spec?.queueUse && file.holdsQueues === false) {
    const capped = lower(severity, spec.queueUse.severity);
    if (capped !== severity) {
      severity = capped;
      notes.push(spec.queueUse.note);
      context = context ?? { note: '' };
    }
  }
  const role = file.role.role;
  if (role !== 'production' && file.nonProduction !== 'unchanged') {
    if (file.nonProduction === 'off') return undefined;
    const capped = lower(severity, file.nonProduction);
    if (capped !== severity) notes.push(`Shown as ${capped === 'info' ? 'information' : 'a hint'} because this file is ${ROLE_WORDS[role]} (${file.role.reason}).`);
    severity = capped;
    context = { ...(context ?? { note: '' }), role };
  }
  if (context) context.note = notes.join(' ');
  return context && context.note !== '' ? { severity, withoutFix, context } : { severity, withoutFix };
}

function applies(spec: NonNullable<RuleInfo['context']>, setting: Setting, version: string | undefined, file: FileContext, clientOf: (id: string) => ClientInfo | undefined): boolean {
  if (spec.versions && version !== undefined && !inRange(version, spec.versions)) return false;
  if (spec.replicatedQueues === 'off' && file.replicatedQueues) return false;
  const entity = setting.entity;
  if (spec.entity && entity) {
    if (spec.entity.kinds && entity.kind !== 'unknown' && !spec.entity.kinds.includes(entity.kind)) return false;
    if (spec.entity.unless?.some((flag) => entity[flag] === true)) return false;
  }
  const calls = file.calls;
  if (spec.codeCalls && calls && !isClient(setting, spec.codeCalls.except, clientOf) && !spec.codeCalls.calls.some((call) => calls.has(call))) return false;
  if (isClient(setting, spec.notClients, clientOf)) return false;
  return true;
}

/** Whether the setting's client is one of `ids` (a catalogue id, or the library it is based on). */
function isClient(setting: Setting, ids: readonly string[] | undefined, clientOf: (id: string) => ClientInfo | undefined): boolean {
  if (!ids || setting.client === undefined) return false;
  const basedOn = clientOf(setting.client)?.basedOn;
  return ids.includes(setting.client) || (basedOn !== undefined && ids.includes(basedOn));
}

function lower(severity: Severity, cap: Severity | 'off' | 'hint' | 'info'): Severity {
  if (cap === 'off') return severity;
  return RANK[cap] < RANK[severity] ? cap : severity;
}

/** `3.4` against `>= 4.0`, `< 4.0`, `= 3.9` (major.minor). */
export function inRange(version: string, range: string): boolean {
  const match = /^(>=|>|<=|<|=)\s*(\d+(?:\.\d+)?)$/.exec(range.trim());
  if (!match) return true;
  const compare = compareVersions(version, match[2]!);
  switch (match[1]) {
    case '>=': return compare >= 0;
    case '>': return compare > 0;
    case '<=': return compare <= 0;
    case '<': return compare < 0;
    default: return compare === 0;
  }
}

function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let k = 0; k < 2; k++) {
    const difference = (left[k] ?? 0) - (right[k] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
