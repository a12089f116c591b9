// The one entry point the extension and the CLI share: text in, settings and findings out.
import { workloadDirective } from './directives';
import { extractPropertiesFile } from './extract/propertiesFile';
import type { ClientUse, Extraction } from './extract/types';
import { extractYamlFile } from './extract/yamlFile';
import { baseName, formatByContent, formatOf, languageOf, type Format } from './formats';
import { extractCodeFile, type CodeExtraction } from './extract/codeFile';
import { springConfirmSettings, springMandatorySettings } from './code/publish';
import { extractManifestFile } from './extract/manifestFile';
import type { ClientIndex } from './detect/clientIndex';
import type { KeyIndex } from './keyIndex';
import type { Profile } from './knowledgeTypes';
import { evaluateRules, type SeverityOverrides } from './rules/evaluate';
import { suppressionFilter } from './suppress';
import { LineIndex, maskSpans } from './text';
import { fileRole, type RoleContext, type RoleGlobs, type RolePath } from './context/role';
import { declaresReplicatedQueuesOnly } from './context/queueTypes';
import { extractNatsConf, isNatsConf } from './extract/natsConf';
import type { FileContext, NonProductionLevel } from './rules/context';
import type { AnalysisResult } from './types';
import { settleWorkspace, workspaceFactsOf, type WorkspaceFact } from './workspace';

export interface AnalyzeOptions {
  /** Path reported in settings and findings. */
  file: string;
  text: string;
  keys: KeyIndex;
  /** The client catalogue; needed for source code, whose settings count only for clients the file imports. */
  clients?: ClientIndex;
  /** The profile from configuration or the command line; an inline directive in the text wins over it. */
  profile: Profile;
  overrides?: SeverityOverrides;
  /** The file's format when its name does not tell (an untitled editor, say); by default it comes from `file`. */
  format?: Format;
  /**
   * Where the file lives in its workspace folder, which decides its role (test, sample, docs). Without it the file
   * is judged as production code.
   */
  where?: RolePath;
  /** The user's globs for roles (`mqLens.roles`); they win over the built-in guesses. */
  roleGlobs?: RoleGlobs;
  /** How findings outside production code are reported; `hint` by default. */
  nonProduction?: NonProductionLevel;
  /**
   * What the rest of the workspace shows (`workspace.ts`): findings that depend on it are kept only where their
   * condition holds for these facts together with the file's own. `defer` returns them unjudged, for a caller that
   * reads every file first (the CLI) or learns the facts later (the extension). Without it the file is its own
   * workspace.
   */
  workspace?: ReadonlySet<WorkspaceFact> | 'defer';
}

export interface FullAnalysis extends AnalysisResult {
  format?: Format;
  /** Where the file imports or declares catalogue clients (code and manifests). */
  clientUses: ClientUse[];
  lineComment: '#' | '//';
  lines: LineIndex;
  /** The file's role, which lowered findings outside production code. */
  role: RoleContext;
  /** What the file shows about the rest of the workspace (`workspace.ts`), read on the first call. */
  facts: () => WorkspaceFact[];
  /** True when the file's own `mq-lens: workload=…` comment chose the profile (over `options.profile`). */
  profileFromFile?: boolean;
}

export function analyzeText(options: AnalyzeOptions): FullAnalysis {
  const named = options.format ?? formatOf(options.file);
  const format = named && formatByContent(named, options.text);
  const lines = new LineIndex(options.text);
  if (!format) return { settings: [], findings: [], profile: options.profile, lineComment: '#', lines, clientUses: [], role: { role: 'production', reason: '' }, facts: () => workspaceFactsOf(options.file, options.text) };
  const extractContext = { file: options.file, text: options.text, lines, keys: options.keys };
  const language = languageOf(format);
  const none: Extraction = { settings: [], comments: [], lineComment: '#' };
  const extraction = language
    ? (options.clients ? extractCodeFile(extractContext, language, options.clients) : none)
    : format === 'manifest'
      ? (options.clients ? extractManifestFile(extractContext, options.clients) : none)
      : extract(format as ConfigFormat, extractContext);
  // Spring Boot's RabbitTemplate settings say how its publishes behave; whether returned messages have a handler is
  // a question for the rest of the workspace.
  if (format === 'spring-properties' || format === 'spring-yaml') {
    extraction.settings.push(...springMandatorySettings(extraction.settings, extractContext), ...springConfirmSettings(extraction.settings, extractContext));
  }
  const directive = workloadDirective(extraction.comments.map((c) => c.text));
  const profile = directive.profile ?? options.profile;
  const keep = suppressionFilter(extraction.comments, lines);
  const context: FileContext = {
    role: options.where ? fileRole(options.where, options.roleGlobs) : { role: 'production', reason: 'no path given' },
    nonProduction: options.nonProduction ?? 'hint',
    scopes: extraction.scopes ?? {},
  };
  if (extraction.calls) context.calls = extraction.calls;
  if (format === 'conf' && /^redis/i.test(baseName(options.file))) {
    // The file's own header (the comments before its first setting) says what it is for; the stock redis.conf's
    // documentation further down mentions streams and queues whatever the server is used for.
    const firstSetting = extraction.settings.reduce((first, s) => Math.min(first, s.keySpan.start), Infinity);
    context.holdsQueues = QUEUE_SIGNS.test(options.where?.relative ?? options.file)
      || extraction.comments.some((c) => c.span.start < firstSetting && QUEUE_SIGNS.test(c.text));
  }
  if (extraction.settings.some((s) => s.system === 'rabbitmq')) context.replicatedQueues = declaresReplicatedQueuesOnly(maskSpans(options.text, extraction.comments.map((c) => c.span)));
  let findings = evaluateRules({ ...extraction, file: options.file, format, context }, profile, options.keys, lines, options.overrides).filter(keep);
  // What the file shows about the workspace, from the tokens code was read with (none where no client is imported);
  // read when asked (the CLI and the workspace scan ask, an edit does not).
  const tokens = (extraction as Partial<CodeExtraction>).tokens;
  let fileFacts: WorkspaceFact[] | undefined;
  const facts = () => (fileFacts ??= workspaceFactsOf(options.file, options.text, language ? (tokens && tokens.length > 0 ? { tokens, comments: extraction.comments } : undefined) : undefined));
  let settings = extraction.settings;
  if (options.workspace !== 'defer' && settings.some((s) => s.workspace)) {
    // A behaviour whose condition does not hold is not what the code does in this workspace: neither listed nor judged.
    const known = new Set([...(options.workspace ?? []), ...facts()]);
    findings = settleWorkspace(findings, known);
    settings = settleWorkspace(settings, known);
  }
  return {
    settings, findings, profile, format, lineComment: extraction.lineComment, lines, clientUses: extraction.clientUses ?? [], role: context.role, facts,
    ...(directive.profile ? { profileFromFile: true } : {}),
  };
}

/** Words in a redis.conf's path or comments that say the Redis serves queues, jobs or streams rather than a cache. */
const QUEUE_SIGNS = /queue|sidekiq|celery|bull|resque|\brq\b|\bjobs?\b|stream|broker|worker|message/i;

type ConfigFormat = 'properties' | 'spring-properties' | 'conf' | 'spring-yaml' | 'compose' | 'yaml';

function extract(format: ConfigFormat, context: Parameters<typeof extractPropertiesFile>[0]): Extraction {
  switch (format) {
    case 'conf':
      // nats-server's format has blocks; every other `.conf` MQ Lens reads is line-oriented.
      if (isNatsConf(context.file, context.text)) return extractNatsConf(context);
      return extractPropertiesFile(context, format);
    case 'properties':
    case 'spring-properties':
      return extractPropertiesFile(context, format);
    case 'spring-yaml':
    case 'compose':
      return extractYamlFile(context, format);
    case 'yaml':
      // Most YAML files are not about messaging; only Kubernetes resources MQ Lens reads, and the Pulsar Helm chart's
      // `configData` values, are parsed.
      if (!/kafka\.strimzi\.io\/|rabbitmq\.com\/|^[ \t]+configData:/m.test(context.text)) return { settings: [], comments: [], lineComment: '#' };
      return extractYamlFile(context, 'yaml');
  }
}
