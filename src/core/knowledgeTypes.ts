// The shape of the compiled knowledge base. The YAML under knowledge/ is validated against the JSON Schemas in
// knowledge/schema/ and compiled into this shape by tools/knowledge/build.ts; src/core only ever sees this shape.

export type Profile = 'general' | 'online' | 'streaming';
export const PROFILES: readonly Profile[] = ['general', 'online', 'streaming'];

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** A rule's severity under one profile; `off` means the rule does not report under that profile. */
export type RuleLevel = Severity | 'off';

/** A fact's origin: a URL, or a repository path with a commit or date, as written in knowledge/. */
export type Source = string;

export interface BrokerInfo {
  id: string;
  name: string;
  summary: string;
  strengths: string[];
  weaknesses: string[];
  settingsToCheck: string[];
  sources: Source[];
}

export interface ClientInfo {
  id: string;
  broker: string;
  name: string;
  language: string;
  imports: string[];
  manifests: string[];
  status: 'active' | 'low-activity' | 'unmaintained' | 'deprecated';
  notes: string[];
  replacement?: string;
  sources: Source[];
}

export interface DefaultValue {
  value: string;
  /** Which client or server the default belongs to: `java`, `librdkafka`, `broker`, … */
  client: string;
  /** Version range in which it holds, e.g. `< 4.0` or `>= 4.0`; absent when it never changed. */
  versions?: string;
  source: Source;
}

export interface KeyEffects {
  latency?: string;
  throughput?: string;
  durability?: string;
  ordering?: string;
}

export interface KeyInfo {
  /** Canonical key, e.g. `linger.ms`. */
  key: string;
  system: string;
  scope: 'producer' | 'consumer' | 'broker' | 'topic' | 'client' | 'container';
  /** Other spellings that mean the same key (librdkafka aliases, …). */
  aliases: string[];
  summary: string;
  unit?: string;
  defaults: DefaultValue[];
  effects: KeyEffects;
  sources: Source[];
}

export type ConditionOp = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'ne' | 'in' | 'notIn';

/** A test on one setting's value. Numbers compare numerically; strings compare case-insensitively. */
export interface Condition {
  key: string;
  op: ConditionOp;
  value: string | number | Array<string | number>;
}

export interface RuleFix {
  title: string;
  /** The value to write in place of the offending one; absent when no edit is safe to make automatically. */
  replacement?: string;
}

export interface RuleExample {
  title: string;
  file: string;
  code: string;
}

export interface RuleInfo {
  id: string;
  name: string;
  system: string;
  summary: string;
  severity: Record<Profile, RuleLevel>;
  when: Condition;
  /** Message template; `{value}`, `{key}`, `{rawKey}` and `{profile}` are filled in. */
  message: string;
  why: string;
  fix: RuleFix;
  examples: { bad: RuleExample[]; good: RuleExample[] };
  references: string[];
  versionNotes: string[];
}

export interface Knowledge {
  brokers: BrokerInfo[];
  clients: ClientInfo[];
  keys: KeyInfo[];
  rules: RuleInfo[];
}
