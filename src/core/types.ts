// The concepts MQ Lens computes (DESIGN.md, "Core concepts"). Lines and columns are 1-based, as in the CLI contract;
// offsets are 0-based UTF-16 code-unit indexes into the analysed text, as JavaScript strings and VS Code use them.
import type { Profile, Severity } from './knowledgeTypes';
import type { WorkspaceCondition } from './workspace';

export interface Span {
  /** 0-based offset of the first character. */
  start: number;
  /** 0-based offset just past the last character. */
  end: number;
}

export interface Setting {
  file: string;
  line: number;
  column: number;
  system: string;
  /** Canonical key, e.g. `linger.ms`. */
  key: string;
  /** The key as written, e.g. `queue.buffering.max.ms`. */
  rawKey: string;
  /** The value as written, without quotes. */
  value: string;
  /** What the value means when it is not written literally (`sarama.NoResponse` means acks `0`). */
  effectiveValue?: string;
  keySpan: Span;
  valueSpan: Span;
  /**
   * How the value is written, which decides whether and how a fix may replace it: `bare` (properties, YAML plain,
   * environment), `quoted` (the span is inside the quotes), `number` and `boolean` literals in code, `identifier`
   * (a constant: no automatic fix), `block` (a YAML block scalar: no automatic fix).
   */
  valueStyle?: 'bare' | 'quoted' | 'number' | 'boolean' | 'identifier' | 'block';
  /** How the language spells booleans, for fixes: `True`/`False` in Python, `true`/`false` elsewhere. */
  booleanCase?: 'lower' | 'title';
  /** Settings in the same scope share it (one code block or one configured client); absent means the whole file. */
  scope?: string;
  /** Set when the setting is not written but implied by a client's default; says which default. */
  implicit?: string;
  /**
   * True when the value is an expression computed at run time (`os.environ["ACKS"]`, `cfg.acks()`): the key is set, but
   * to what is unknown, so only rules about whether the key is present judge it.
   */
  computed?: true;
  /**
   * False for a real configuration name that the knowledge base has no note for: it is read and listed (`settings`),
   * but no rule or hover knows it yet. Absent means documented.
   */
  documented?: false;
  /** The catalogue client whose call or object the setting configures, when the file imports one (code only). */
  client?: string;
  /** The broker entity a setting in code belongs to (a RabbitMQ queue or exchange), with the flags that change its meaning. */
  entity?: Entity;
  /**
   * Behaviours read from the code around a client (`settled-on-failure`): the places on the path that leads to it (the
   * handler that swallows the error, the acknowledgement it reaches), shown as a finding's related information.
   */
  trace?: TracePlace[];
  /**
   * What the rest of the workspace must show (or not) for the setting to mean what it says: a message rejected without
   * requeue is dropped only where no dead-letter exchange is declared anywhere. Findings on it carry the condition.
   */
  workspace?: WorkspaceCondition;
}

/** A place on the path behind a behaviour setting, with what happens there. */
export interface TracePlace {
  span: Span;
  message: string;
}

/** A queue or exchange declared (or consumed from) in code, and the flags a reviewer checks before judging it. */
export interface Entity {
  kind: 'queue' | 'exchange' | 'unknown';
  /** Deleted when its connection closes. */
  exclusive?: boolean;
  /** Deleted when its last consumer goes. */
  autoDelete?: boolean;
  /** Declared with an empty name: the broker names it, so no other process can know it. */
  serverNamed?: boolean;
  /** RabbitMQ's Direct Reply-to pseudo-queue (`amq.rabbitmq.reply-to`), or a reply queue of the same kind. */
  replyTo?: boolean;
}

/** What a reviewer looked at that changed a finding: the file's role, a single-broker deployment, a note to show. */
export interface FindingContext {
  role?: 'test' | 'sample' | 'docs';
  /** The brokers in the cluster the file defines, when that made the finding milder. */
  brokers?: number;
  /** One sentence saying what the context changed and why. */
  note: string;
}

/** A place in the same file that explains a finding (the other setting of a two-setting rule). */
export interface RelatedPlace {
  span: Span;
  line: number;
  column: number;
  message: string;
}

/** A text replacement in the analysed text; applying it changes nothing outside `span`. */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  /** The system (broker) of the setting or behaviour the finding is about. */
  system: string;
  severity: Severity;
  message: string;
  span: Span;
  profile: Profile;
  fix?: { title: string; edit: TextEdit };
  related?: RelatedPlace[];
  tags?: Array<'unnecessary' | 'deprecated'>;
  /** Present when context changed the finding (its severity, message or fix). */
  context?: FindingContext;
  /** The workspace facts the finding depends on (from its setting); `settleWorkspace` keeps it only where they hold. */
  workspace?: WorkspaceCondition;
}

/** A comment in an analysed file, for directives. */
export interface Comment {
  text: string;
  span: Span;
  /** True when nothing but blanks precede the comment on its line. */
  ownLine: boolean;
}

export interface AnalysisResult {
  settings: Setting[];
  findings: Finding[];
  /** The profile the findings were judged under, after any inline directive. */
  profile: Profile;
  /** Present when the file's text could not be analysed; findings and settings are then empty. */
  error?: string;
}
