// The shape of the compiled knowledge base. The YAML under knowledge/ is validated against the JSON Schemas in
// knowledge/schema/ and compiled into this shape by tools/knowledge/build.ts; src/core only ever sees this shape.

export type Profile = 'general' | 'online' | 'streaming';
export const PROFILES: readonly Profile[] = ['general', 'online', 'streaming'];

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** A rule's severity under one profile; `off` means the rule does not report under that profile. */
export type RuleLevel = Severity | 'off';

/** A fact's origin: a URL, or a repository path with a commit or date, as written in knowledge/. */
export type Source = string;

/** A sourced fact about a broker; `note` qualifies it. */
export interface Fact<T> {
  value: T;
  note?: string;
  /** What holds only with non-default settings (the wizard cautions with it beside the reason). */
  caveat?: string;
  /** A hard limit of the capability (SQS delays at most 15 minutes): a need beyond it rules the broker out. */
  limit?: string;
  source: Source;
}

export type Support = boolean | 'partial' | 'unknown';

export interface Capabilities {
  ordering: Fact<'none' | 'per-partition' | 'per-queue' | 'per-key' | 'global' | 'unknown'>;
  delayedMessages: Fact<'none' | 'fixed-levels' | 'arbitrary' | 'cancellable' | 'unknown'>;
  /** `default`: kept unless a producer or topic opts out (Pulsar's `non-persistent://`, JMS NON_PERSISTENT). */
  persistence: Fact<'none' | 'optional' | 'default' | 'always' | 'unknown'>;
  replay: Fact<Support>;
  transactions: Fact<Support>;
  priorities: Fact<Support>;
  deadLetter: Fact<Support>;
  routing: Fact<'simple' | 'flexible' | 'unknown'>;
  protocols: Fact<string[]>;
  multiTenant: Fact<Support>;
  geoReplication: Fact<Support>;
  tieredStorage: Fact<Support>;
  exactlyOnce: Fact<Support>;
}

export interface Measure {
  text: string;
  messagesPerSecond?: number;
  megabytesPerSecond?: number;
  p99Ms?: number;
  date?: string;
  /** Why the figure is no limit (one queue of many, a disputed vendor run): the wizard cautions instead of scoring. */
  caveat?: string;
  source: Source;
}

export interface BrokerInfo {
  id: string;
  name: string;
  kind: 'broker' | 'library' | 'managed-service' | 'datastore';
  summary: string;
  strengths: string[];
  weaknesses: string[];
  settingsToCheck: string[];
  capabilities: Capabilities;
  performance: { throughput: Measure; latency: Measure };
  operations: { weight: 'none' | 'light' | 'moderate' | 'heavy'; components: string[]; text: string; source: Source };
  hosting: Array<{ where: 'self-hosted' | 'aws' | 'azure' | 'gcp' | 'in-process'; offering: string; source?: Source }>;
  /**
   * Languages with a maintained client (status active or low-activity) in the client catalogue, and those clients'
   * names by language. Derived when the knowledge is built, never written by hand, so the wizard's claims agree with
   * the catalogue.
   */
  languages: string[];
  clientsByLanguage: Record<string, string[]>;
  license: { text: string; source: Source };
  status: { text: string; source: Source };
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
  /** Calls that must appear in the same file for the client to count (general Redis clients, shared SDKs). */
  /** Calls (`xadd`, `client("sqs")`) or names (`RmqContext`, `Transport.RMQ`) one of which must appear in the file. */
  usage?: { calls?: string[]; names?: string[] };
  /** The native library the client wraps (`librdkafka`), whose defaults and behaviour it shares. */
  basedOn?: string;
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
  scope: 'producer' | 'consumer' | 'broker' | 'topic' | 'client' | 'container' | 'queue';
  /** Other spellings that mean the same key (librdkafka aliases, …). */
  aliases: string[];
  /** A server configuration file's key (nats-server's): never read from application code. */
  configFilesOnly?: true;
  /** A behaviour read from the code around a client (`settled-on-failure`), not a setting anyone writes. */
  behaviour?: true;
  summary: string;
  unit?: string;
  defaults: DefaultValue[];
  /** Spring Boot property names that set this key. */
  spring?: string[];
  /** What particular values mean. */
  values?: Array<{ value: string; meaning: string }>;
  effects: KeyEffects;
  sources: Source[];
}

export type ConditionOp = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'ne' | 'in' | 'notIn' | 'absent' | 'present' | 'matches';

export type ConditionValue = string | number | boolean | Array<string | number | boolean>;

/**
 * A test on one setting's value. Numbers compare numerically; strings and booleans compare case-insensitively.
 * `absent` and `present` test whether the key is set at all in the scope, and take no value; `matches` takes a
 * case-insensitive regular expression.
 */
export interface Condition {
  key: string;
  op: ConditionOp;
  value?: ConditionValue;
}

/** Checks too specific for a condition; each is implemented in src/core/rules/checks/. */
export type BuiltinCheck = 'unknown-key' | 'delivery-timeout-budget' | 'min-isr-vs-replication' | 'poll-budget' | 'client-status' | 'celery-visibility-timeout';

/** The flags of a RabbitMQ queue or exchange that change what a rule means for it. */
export type EntityFlag = 'exclusive' | 'autoDelete' | 'serverNamed' | 'replyTo';

export interface RuleContextSpec {
  /** Where the file defines the cluster and it has one broker: at most this level, no fix (it would break the setup), and the note. */
  singleBroker?: { severity: RuleLevel; note: string };
  /** The broker versions the rule is about, as a range (`>= 4.0`); where the file pins a version outside it, the rule is silent. */
  versions?: string;
  /** The entities a rule about code is for: other kinds, and entities with any of the `unless` flags, are not judged. */
  entity?: { kinds?: Array<'queue' | 'exchange'>; unless?: EntityFlag[] };
  /**
   * In source code the rule holds only where the file makes one of these calls (lower-case callee names), except in
   * code of the listed clients (ids, or `librdkafka` for every client built on it), where it always holds.
   */
  codeCalls?: { calls: string[]; except?: string[] };
  /** Clients the rule does not describe: catalogue ids, or `librdkafka` for every client built on it. */
  notClients?: string[];
  /** A store that may be a cache (redis.conf): where nothing says it holds queues, at most this level, with the note. */
  queueUse?: { severity: RuleLevel; note: string };
  /** Clients whose settings get the finding but not the fix (its value means something else there). */
  noFixFor?: string[];
  /** `off`: silent where the file declares its RabbitMQ queues as quorum queues or streams, and none as classic. */
  replicatedQueues?: 'off';
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
  /** Other systems whose settings of the same keys the rule judges (a framework on several brokers). */
  alsoFor?: string[];
  summary: string;
  severity: Record<Profile, RuleLevel>;
  /** The setting the finding is placed on; absent for rules that use `check`. */
  when?: Condition;
  /** More conditions on other settings in the same scope; all must hold. */
  and?: Condition[];
  /** Conditions on other settings in the same scope; the rule is silent when any holds (they make the setting safe). */
  unless?: Condition[];
  check?: BuiltinCheck;
  /** Formats the rule applies to (a rule about the Java client's behaviour, say); every format when absent. */
  formats?: string[];
  tags?: Array<'unnecessary' | 'deprecated'>;
  /** How what a reviewer sees around a setting changes the rule (DESIGN.md, "Context"). */
  context?: RuleContextSpec;
  /** Message template: `{value}`, `{key}`, `{rawKey}`, `{profile}`, `{value:other.key}` and check-specific fields. */
  message: string;
  why: string;
  fix: RuleFix;
  examples: { bad: RuleExample[]; good: RuleExample[] };
  references: string[];
  versionNotes: string[];
}

export interface WizardQuestion {
  field: string;
  title: string;
  why: string;
  type: 'single' | 'multi' | 'number' | 'boolean';
  unit?: string;
  options?: Array<{ value: string; label: string; hint?: string }>;
}

export interface WizardKnowledge {
  steps: Array<{ title: string; questions: WizardQuestion[] }>;
  useCases: Array<{ useCase: string; fits: Array<{ broker: string; points: number; reason: string }>; sources: Source[] }>;
  faq: Array<{ id: string; question: string; answer: string; sources: Source[] }>;
  starters: Array<{ broker: string; profile: Profile; file: string; code: string; notes: string[]; sources: Source[] }>;
}

export interface Knowledge {
  brokers: BrokerInfo[];
  clients: ClientInfo[];
  keys: KeyInfo[];
  rules: RuleInfo[];
  wizard: WizardKnowledge;
  /** Every valid configuration name per system (documented or not), for spotting misspelled keys. */
  names: Record<string, string[]>;
}
