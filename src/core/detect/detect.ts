// Detection: which brokers a file talks to, through which client, and how we know (DESIGN.md, "Detection").
// Sources of evidence: imports in code (only real imports: the tokenizer drops comments and strings), dependencies
// in manifests, broker configuration (Spring prefixes, compose images, Kubernetes resources, broker config files),
// connection URLs in string literals and configuration values, and framework calls that choose a transport.
import { statementEnd, valueBrokers } from '../code/celery';
import { extractCodeFile } from '../extract/codeFile';
import { extractPropertiesFile } from '../extract/propertiesFile';
import { pulsarChartKey } from '../extract/yamlFile';
import { isNatsConf, NATS_DIRECTIVES } from '../extract/natsConf';
import { hashComments } from '../extract/comments';
import { flattenYaml } from '../extract/yamlTree';
import { parseProperties } from '../parsers/properties';
import { composeScopes, composeServices, environmentVariable, imageName, isKafkaBrokerImage } from '../context/deployment';
import { formatByContent, formatOf, languageOf, baseName, type Format } from '../formats';
import { blank, scriptLanguageOf, scriptReferences, type ScriptLanguage } from './scripts';
import type { KeyIndex } from '../keyIndex';
import { LineIndex, maskSpans } from '../text';
import type { Span } from '../types';
import type { Token } from '../code/lexer';
import type { ClientIndex } from './clientIndex';
import { manifestKind, parseManifest } from './manifests';
import { FRAMEWORK_CALLS, hasUrlHint, IMAGE_PATTERNS, PYTHON_BROKER_SETTINGS, PYTHON_EXTRAS, SPRING_PREFIXES, URL_HINT, URL_PATTERNS } from './patterns';
import type { Detection, Evidence } from './types';

export interface DetectOptions {
  file: string;
  text: string;
  keys: KeyIndex;
  clients: ClientIndex;
}

/** Whether detection reads a file of this name (cheap prefilter for workspace scans). */
export function detectsFile(fileName: string): boolean {
  return manifestKind(fileName) !== undefined || formatOf(fileName) !== undefined || isEnvFile(fileName) || scriptLanguageOf(fileName) !== undefined
    || isDotnetSettings(fileName) || isDockerfile(fileName) || isBrokerXml(fileName) || baseName(fileName).toLowerCase().endsWith('.conf');
}

/**
 * Broker configuration files in `.conf` formats MQ Lens has no settings reader for, known by their directives:
 * nats-server's (`jetstream {`, `server_name`, a listener on 4222) and Mosquitto's (`listener 1883`,
 * `allow_anonymous`, `persistence`). Two directives, or one in a file whose path names the broker, so that an Upstart
 * job called mosquitto.conf or an nginx file with a `listen` line is not taken for one.
 */
const CONF_BROKERS: ReadonlyArray<{ broker: string; hint: RegExp; directives: readonly RegExp[] }> = [
  { broker: 'nats', hint: /nats/i, directives: NATS_DIRECTIVES },
  {
    broker: 'mqtt', hint: /mosquitto|mqtt/i,
    directives: [
      /^[ \t]*listener[ \t]+\d+/m,
      /^[ \t]*allow_anonymous[ \t]+(?:true|false)\b/m,
      /^[ \t]*persistence[ \t]+(?:true|false)\b/m,
      /^[ \t]*(?:persistence_location|persistence_file|autosave_interval|max_queued_messages|max_queued_bytes|max_inflight_messages|sys_interval|password_file|acl_file|per_listener_settings)[ \t]+\S/m,
    ],
  },
];

function confBrokers(fileName: string, text: string, lines: LineIndex, add: Add): void {
  for (const { broker, hint, directives } of CONF_BROKERS) {
    const found = directives.map((d) => d.exec(text)).filter((m): m is RegExpExecArray => m !== null).map((m) => lines.positionAt(m.index + m[0].search(/\S/)).line);
    if (found.length >= 2 || (found.length === 1 && hint.test(fileName))) add(Math.min(...found), broker, null, 'config');
  }
}

/** .NET's `appsettings.json` and `appsettings.<Environment>.json`, where connection strings name brokers by URL. */
function isDotnetSettings(fileName: string): boolean {
  return /^appsettings(\.[\w-]+)?\.json$/i.test(baseName(fileName));
}

function isEnvFile(fileName: string): boolean {
  return /^(\.env(\..+)?|.+\.env)$/i.test(baseName(fileName));
}

export function detectText(options: DetectOptions): Detection[] {
  const found = new Map<string, Detection>();
  const add = (line: number, broker: string, client: string | null, evidence: Evidence) => {
    if (!broker) return;
    const key = `${line}\u0000${broker}\u0000${client ?? ''}\u0000${evidence}`;
    if (!found.has(key)) found.set(key, { file: options.file, line, broker, client, evidence });
  };
  const manifest = manifestKind(options.file);
  if (manifest) {
    for (const dependency of parseManifest(manifest, options.text)) {
      // A client that counts only when its queue calls are used (boto3, general Redis clients) cannot be told from a
      // manifest line alone.
      const [client] = options.clients.matchManifest(dependency.coordinate).filter((c) => !c.usage);
      if (client) add(dependency.line, client.broker, client.id, 'dependency');
      const name = dependency.coordinate.replace(/^pypi:/, '');
      for (const extra of dependency.extras) {
        const broker = dependency.coordinate.startsWith('pypi:') ? PYTHON_EXTRAS[name]?.[extra] : undefined;
        if (broker) add(dependency.line, broker, null, 'dependency');
      }
    }
    return sorted(found);
  }
  const script = scriptLanguageOf(options.file);
  if (script) {
    scriptDetections(script, options, add);
    return sorted(found);
  }
  if (isBrokerXml(options.file)) {
    brokerXml(options.text, new LineIndex(options.text), add);
    return sorted(found);
  }
  if (isDockerfile(options.file)) {
    dockerfileBrokers(options.text, new LineIndex(options.text), add);
    return sorted(found);
  }
  if (isDotnetSettings(options.file)) {
    // JSON has no comments: every line's URLs count.
    if (hasUrlHint(options.text)) options.text.split(/\r\n|\r|\n/).forEach((line, i) => urls(line, i + 1, add));
    return sorted(found);
  }
  const lines = new LineIndex(options.text);
  const named = formatOf(options.file);
  const format = named && formatByContent(named, options.text);
  const language = format ? languageOf(format) : undefined;
  if (language) {
    const code = extractCodeFile({ file: options.file, text: options.text, lines, keys: options.keys }, language, options.clients, true);
    // An import statement counts once, on the line where it starts, however many lines its names take.
    for (const ref of code.imports) add(ref.statementLine, ref.client.broker, ref.client.id, 'import');
    // A URL counts on the line it is written on (a string can span lines), and redis:// looks for its context on that
    // source line outside comments (`Celery(broker="redis://…")`: the word is outside the string).
    // A string is part of the text, so a text without any sign of a URL holds none in its strings.
    if (hasUrlHint(options.text)) {
      const codeLines = maskSpans(options.text, code.comments.map((c) => c.span)).split(/\r\n|\r|\n/);
      for (const token of code.tokens) {
        if (token.kind !== 'string') continue;
        token.value.split(/\r\n|\r|\n/).forEach((part, i) => urls(part, token.line + i, add, codeLines[token.line + i - 1]));
      }
    }
    if (language === 'python') pythonBrokerSettings(code.tokens, add);
    // A Kafka client configuration written as a map in a module that imports no client (a settings module handing
    // `{"bootstrap.servers": …}` to a consumer elsewhere): the key is Kafka's own, so the map names Kafka.
    if (!code.imports.some((i) => i.client.broker === 'kafka')) {
      // As a key: before a `:` (a dict or object literal), or first in `put("bootstrap.servers", …)` and its kin, not
      // as a value passed along (`Map.of(CONFIG, "bootstrap.servers")`).
      const key = code.tokens.find((t, i) => t.kind === 'string' && KAFKA_MAP_KEYS.has(t.value)
        && (code.tokens[i + 1]?.text === ':' || (code.tokens[i + 1]?.text === ',' && code.tokens[i - 1]?.text === '(' && PUT_NAMES.has(code.tokens[i - 2]?.text ?? ''))));
      if (key) add(key.line, 'kafka', null, 'config');
    }
    for (const call of FRAMEWORK_CALLS) {
      if (call.language !== language || (call.module !== '' && !importsModule(code.tokens, call.module))) continue;
      for (let i = 0; i < code.tokens.length - 1; i++) {
        const token = code.tokens[i]!;
        if (token.kind === 'ident' && token.text === call.callee && code.tokens[i + 1]!.text === '(') add(token.line, call.broker, call.client, 'code');
      }
    }
    return sorted(found);
  }
  // Configuration: what it configures, and URLs outside comments.
  if ((!format || format === 'conf') && baseName(options.file).toLowerCase().endsWith('.conf')) confBrokers(options.file, maskSpans(options.text, hashComments(options.text).map((c) => c.span)), lines, add);
  configuration(options, format, lines, add);
  if (isEnvFile(options.file)) envBrokers(options.text, lines, add);
  if (hasUrlHint(options.text)) {
    const comments = format === 'properties' || format === 'spring-properties' || format === 'conf' || isEnvFile(options.file)
      ? parseProperties(options.text).comments.map((c) => c.span)
      : hashComments(options.text).map((c) => c.span);
    maskSpans(options.text, comments).split(/\r\n|\r|\n/).forEach((line, i) => urls(line, i + 1, add));
  }
  return sorted(found);
}

type Add = (line: number, broker: string, client: string | null, evidence: Evidence) => void;

/** Keys only a Kafka client configuration has, written as map keys (`"bootstrap.servers": …`, `put("bootstrap.servers", …)`). */
const KAFKA_MAP_KEYS = new Set(['bootstrap.servers', 'metadata.broker.list']);
const PUT_NAMES = new Set(['put', 'setProperty', 'set', 'Set', 'SetKey', 'setdefault', 'of', 'entry']);

/**
 * An `.env` file's variables named for a broker (`KAFKA_BOOTSTRAP_SERVERS`, `RABBITMQ_HOST`, `NATS_URL`,
 * Bitnami's `KAFKA_CFG_…`): the first for each broker. Redis is left out, since a `REDIS_URL` is as often a cache.
 */
const ENV_BROKERS: ReadonlyArray<{ prefix: RegExp; broker: string }> = [
  { prefix: /^(?:KAFKA|SPRING_KAFKA)_[A-Z0-9_]+$/, broker: 'kafka' },
  { prefix: /^(?:RABBITMQ|RABBIT|AMQP|SPRING_RABBITMQ)_[A-Z0-9_]+$/, broker: 'rabbitmq' },
  { prefix: /^(?:NATS|JETSTREAM)_[A-Z0-9_]+$/, broker: 'nats' },
  { prefix: /^PULSAR_[A-Z0-9_]+$/, broker: 'pulsar' },
  { prefix: /^(?:ROCKETMQ|NAMESRV)_[A-Z0-9_]+$/, broker: 'rocketmq' },
  { prefix: /^(?:ACTIVEMQ|ARTEMIS)_[A-Z0-9_]+$/, broker: 'activemq' },
  { prefix: /^(?:MQTT|MOSQUITTO|EMQX)_[A-Z0-9_]+$/, broker: 'mqtt' },
];

/**
 * The broker an environment variable points a client at: its name names the broker and an endpoint
 * (`KAFKA_BROKERS`, `KAFKA_BOOTSTRAP_SERVERS`, `RABBITMQ_HOST`, `NATS_URL`, `ROCKETMQ_NAMESRV_ADDR`) and its value is
 * set (URLs are detected as URLs).
 */
function brokerEndpointVariable(name: string, value: string): string | undefined {
  if (!ENDPOINT_NAME.test(name) || value.trim() === '' || URL_HINT.test(value)) return undefined;
  // Confluent's components name their own and each other's endpoints under KAFKA_ (`KAFKA_REST_SCHEMA_REGISTRY_URL`).
  if (/SCHEMA_REGISTRY|_REST_|KSQL|CONNECT_|_ZOOKEEPER_/.test(name)) return undefined;
  return ENV_BROKERS.find((b) => b.prefix.test(name))?.broker;
}

const ENDPOINT_NAME = /_(?:BROKERS?|BROKER_LIST|BOOTSTRAP_SERVERS?|BOOTSTRAP|SERVERS?|HOSTS?|HOSTNAME|ADDR|ADDRESS|ADDRESSES|ENDPOINTS?|NAMESRV_ADDR|URLS?|URIS?)$/;

function envBrokers(text: string, lines: LineIndex, add: Add): void {
  const seen = new Set<string>();
  for (const entry of parseProperties(text).entries) {
    const name = entry.key.replace(/^export\s+/, '');
    // Image and version pins (`KAFKA_CONNECT_DATAGEN_VERSION`) say what a build downloads, not what the service uses.
    if (/_(VERSION|TAG|IMAGE|REPOSITORY|REGISTRY)$/.test(name)) continue;
    const match = ENV_BROKERS.find((b) => b.prefix.test(name));
    // A value that is a URL is detected as one.
    if (!match || seen.has(match.broker) || URL_HINT.test(entry.value)) continue;
    seen.add(match.broker);
    add(lines.positionAt(entry.keySpan.start).line, match.broker, null, 'config');
  }
}

/**
 * A Python settings module choosing a task queue's broker: `CELERY_BROKER_URL = <value>` names the broker through
 * its strings (`"redis://…"`) or the variables it reads (`REDIS_URL`, `CLOUDAMQP_URL`), following one variable back
 * to its own assignment; any `RQ_…` setting means Redis, the only broker RQ runs on.
 */
function pythonBrokerSettings(tokens: readonly Token[], add: Add): void {
  const assignments = new Map<string, number>();
  let rq = false;
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'ident' || !token.lineStart || tokens[i + 1]!.text !== '=' || tokens[i + 2]?.text === '=') continue;
    assignments.set(token.text, i);
    if (/^RQ_[A-Z_]+$/.test(token.text)) {
      // One detection for the module's RQ settings, on the first of them.
      if (!rq) add(token.line, 'redis', 'rq', 'config');
      rq = true;
      continue;
    }
    if (!PYTHON_BROKER_SETTINGS.has(token.text)) continue;
    const end = statementEnd(tokens, i + 2);
    // A URL written in the value is detected as a URL already.
    if (tokens.slice(i + 2, end).some((t) => t.kind === 'string' && URL_HINT.test(t.value))) continue;
    const brokers = new Set(valueBrokers(tokens, i + 2, end));
    // The variables the value reads, followed back one step to their own assignments.
    for (let k = i + 2; k < end; k++) {
      const earlier = tokens[k]!.kind === 'ident' ? assignments.get(tokens[k]!.text) : undefined;
      if (earlier !== undefined && earlier !== i) for (const broker of valueBrokers(tokens, earlier + 2, statementEnd(tokens, earlier + 2))) brokers.add(broker);
    }
    for (const broker of brokers) add(token.line, broker, null, 'config');
  }
}

/**
 * Ruby, PHP and Elixir: each explicit import (`require`, `use`, `alias`) of a client, or else the first use of its
 * names; and messaging URLs in strings outside comments.
 */
function scriptDetections(language: ScriptLanguage, options: DetectOptions, add: Add): void {
  const explicit = new Set<string>();
  const used = new Map<string, { line: number; broker: string }>();
  for (const reference of scriptReferences(language, options.text)) {
    const client = options.clients.matchScript(language, reference.module);
    if (!client) continue;
    if (reference.explicit) {
      explicit.add(client.id);
      add(reference.line, client.broker, client.id, 'import');
    } else if (!used.has(client.id)) {
      used.set(client.id, { line: reference.line, broker: client.broker });
    }
  }
  for (const [id, use] of used) if (!explicit.has(id)) add(use.line, use.broker, id, 'import');
  if (hasUrlHint(options.text)) blank(language, options.text, true).split(/\r\n|\r|\n/).forEach((line, i) => urls(line, i + 1, add));
}

function urls(text: string, line: number, add: Add, context = text): void {
  for (const { pattern, broker, needsContext } of URL_PATTERNS) {
    if (pattern.test(text) && (!needsContext || needsContext.test(context))) add(line, broker, null, 'url');
  }
}

function importsModule(tokens: ReturnType<typeof extractCodeFile>['tokens'], module: string): boolean {
  return tokens.some((t, i) => t.text === 'using' && tokens[i + 1]?.text === module);
}

function configuration(options: DetectOptions, format: Format | undefined, lines: LineIndex, add: Add): void {
  const context = { file: options.file, text: options.text, lines, keys: options.keys };
  const springSeen = new Set<string>();
  const springPrefix = (name: string, line: number) => {
    const lower = name.toLowerCase();
    for (const { prefix, broker } of SPRING_PREFIXES) {
      if (!lower.startsWith(prefix) || springSeen.has(broker)) continue;
      springSeen.add(broker);
      add(line, broker, null, 'config');
    }
  };
  if (format === 'spring-properties') {
    for (const entry of parseProperties(options.text).entries) springPrefix(entry.key, lines.positionAt(entry.keySpan.start).line);
  } else if (format === 'properties' || (format === 'conf' && !isNatsConf(options.file, options.text))) {
    const seen = new Set<string>();
    for (const setting of extractPropertiesFile(context, format).settings) {
      if (seen.has(setting.system)) continue;
      seen.add(setting.system);
      add(setting.line, setting.system, null, 'config');
    }
  } else if (format === 'spring-yaml' || format === 'compose' || (format === 'yaml' && yamlMayNameBroker(options.text))) {
    const tree = flattenYaml(options.text);
    const kinds = new Map<number, { apiVersion?: string; kindSpan?: Span }>();
    const textLines = options.text.split(/\r\n|\r|\n/);
    const firstLines = new Map<string, number>();
    const kafkaImages = new Set<string>();
    for (const entry of tree.entries) {
      const line = lines.positionAt(entry.keySpan.start).line;
      if (format === 'spring-yaml') springPrefix(entry.path.join('.'), entry.keySpan === entry.valueSpan ? ownerLine(entry.path, line, textLines) : line);
      if (entry.path.length === 3 && entry.path[0] === 'services' && entry.path[2] === 'image') {
        imageBrokers(entry.value, (broker) => {
          add(line, broker, null, 'config');
          if (broker === 'kafka') kafkaImages.add(entry.path[1]!);
        });
      }
      // Kubernetes manifests and Helm values name their images too: `image: rabbitmq:4.1` in a container spec, or
      // `image: { repository: bitnami/rabbitmq, tag: … }` in a chart's values.
      if (format === 'yaml' && entry.value !== '' && (entry.path.at(-1) === 'image' || (entry.path.at(-1) === 'repository' && entry.path.at(-2) === 'image'))) {
        imageBrokers(entry.value, (broker) => add(line, broker, null, 'config'));
      }
      // Apache Pulsar's Helm chart values that set configuration keys (`bookkeeper.configData.journalSyncData`).
      const pulsarKey = format === 'yaml' ? pulsarChartKey(entry.path) : undefined;
      if (pulsarKey !== undefined && options.keys.lookup('pulsar', pulsarKey)) add(line, 'pulsar', null, 'config');
      if (entry.path[0] === 'services' && entry.path[1] !== undefined && !firstLines.has(entry.path[1])) firstLines.set(entry.path[1], line);
      if (entry.path.length === 1 && (entry.path[0] === 'apiVersion' || entry.path[0] === 'kind')) {
        const info = kinds.get(entry.document) ?? {};
        if (entry.path[0] === 'apiVersion') info.apiVersion = entry.value;
        else info.kindSpan = entry.keySpan;
        kinds.set(entry.document, info);
      }
    }
    // A Kafka server known by variables only a server sets (a locally built or unnamed image): on its first line.
    if (format === 'compose') {
      const services = composeServices(tree.entries);
      const scopes = composeScopes(services);
      // An application container pointed at a broker the file does not run (`KAFKA_BROKERS: kafka:9092` where Kafka
      // comes from another compose file): the broker it names, once, on the first such line.
      const runs = new Set<string>();
      for (const service of services.values()) imageBrokers(service.image ?? '', (broker) => runs.add(broker));
      if (Object.values(scopes).some((scope) => scope.kafkaServer)) runs.add('kafka');
      for (const service of services.values()) {
        for (const entry of service.environment) {
          const variable = environmentVariable(entry);
          const broker = variable && brokerEndpointVariable(variable[0], variable[1]);
          if (!broker || runs.has(broker)) continue;
          runs.add(broker);
          add(lines.positionAt(entry.keySpan.start).line, broker, null, 'config');
        }
      }
      for (const [scope, context] of Object.entries(scopes)) {
        const line = firstLines.get(scope.slice('service:'.length));
        if (context.kafkaServer && line !== undefined && !kafkaImages.has(scope.slice('service:'.length))) add(line, 'kafka', null, 'config');
      }
    }
    for (const info of kinds.values()) {
      if (!info.apiVersion || !info.kindSpan) continue;
      const line = lines.positionAt(info.kindSpan.start).line;
      if (info.apiVersion.startsWith('kafka.strimzi.io/')) add(line, 'kafka', null, 'config');
      if (info.apiVersion.startsWith('rabbitmq.com/')) add(line, 'rabbitmq', null, 'config');
    }
  }
}

/**
 * Whether a plain YAML file (not compose, not Spring) could hold what detection reads in one: a Strimzi or RabbitMQ
 * operator resource, a Pulsar chart's `configData`, or an `image:`/`repository:` value naming a broker. Most YAML in a
 * repository (CI workflows, manifests of other services, Helm templates that do not parse) holds none, and parsing
 * it was most of `detect`'s time on an operator's tree. A value the line cannot show (an alias, a tag, a block
 * scalar, a nested map) leaves the decision to the parser.
 */
function yamlMayNameBroker(text: string): boolean {
  if (/kafka\.strimzi\.io\/|rabbitmq\.com\/|^[ \t]+configData:/m.test(text)) return true;
  for (const match of text.matchAll(/\b(?:image|repository)["']?[ \t]*:[ \t]*([^\r\n]*)/g)) {
    const value = match[1]!.replace(/\s+#.*$/, '').trim().replace(/^["']/, '');
    // A nested map (`image:` then `repository:` on the next line) is read at its own line.
    if (value === '' || value.startsWith('#')) continue;
    // A flow map, an alias, an anchor, a tag or a block scalar: only the parser knows the value. A Helm template
    // (`{{ .Values.image }}`) is a plain value the parser would give as written.
    if (/^(?:\{(?!\{)|[*&!|>[])/.test(value)) return true;
    let named = false;
    imageBrokers(value.replace(/["',}\]]+$/, ''), () => { named = true; });
    if (named) return true;
  }
  return false;
}

/** The brokers an image reference runs (`bitnami/rabbitmq`, `apache/kafka:4.1.0@sha256:…`, `myorg/nats:2.11`). */
function imageBrokers(reference: string, found: (broker: string) => void): void {
  // The organisation-wide patterns read the whole name; the product-name ones its last part, without the tag
  // (`localhost:5000/activemq:5.18` is activemq).
  const image = reference.replace(/[:@].*$/, '').toLowerCase();
  const name = imageName(reference);
  const brokers = new Set<string>();
  for (const { pattern, broker } of IMAGE_PATTERNS) if (pattern.test(image) || pattern.test(name)) brokers.add(broker);
  if (isKafkaBrokerImage(reference)) brokers.add('kafka');
  for (const broker of brokers) found(broker);
}

/**
 * ActiveMQ's broker files: Classic's `activemq.xml` (a Spring file with a `<broker>` in the ActiveMQ core namespace) and
 * Artemis's `broker.xml` (`urn:activemq:core`), known by name (`activemq*.xml`, `artemis*.xml`, `broker*.xml`) and
 * then by namespace.
 */
export function isBrokerXml(fileName: string): boolean {
  return /^(?:[\w.-]*activemq[\w.-]*|artemis[\w.-]*|broker[\w.-]*)\.xml$/i.test(baseName(fileName));
}

function brokerXml(text: string, lines: LineIndex, add: Add): void {
  // Attribute runs are bounded, so a file of unclosed `<broker` tags cannot make the search quadratic.
  const classic = /<broker\b[^>]{0,2000}xmlns="http:\/\/activemq\.apache\.org\/schema\/core"/.exec(text);
  const artemis = /<core\b[^>]{0,2000}xmlns="urn:activemq:core"/.exec(text);
  const match = classic ?? artemis;
  if (match) add(lines.positionAt(match.index).line, 'activemq', null, 'config');
}

/** Dockerfiles (`Dockerfile`, `Dockerfile.ubi9`, `kafka.Dockerfile`, `Containerfile`): the broker image a stage builds on. */
export function isDockerfile(fileName: string): boolean {
  const name = baseName(fileName);
  return /^(Dockerfile|Containerfile)([.-][\w.-]+)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

function dockerfileBrokers(text: string, lines: LineIndex, add: Add): void {
  const stages = new Set<string>();
  // Terminators of the heredocs still open (`RUN <<A <<B` opens two, read one after the other).
  const heredocs: string[] = [];
  let continued = false;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/^\uFEFF/, '').replace(/\r$/, '');
    // The body of a BuildKit heredoc (`RUN <<EOF` … `EOF`) and an instruction's continuation lines are not instructions.
    if (heredocs.length > 0) {
      if (line.trim() === heredocs[0]) heredocs.shift();
      // The instruction ends with its last heredoc, whatever its opening line ended with.
      if (heredocs.length === 0) continued = false;
      continue;
    }
    // A comment line neither continues an instruction nor opens a heredoc.
    if (/^\s*#/.test(line)) continue;
    const wasContinued = continued;
    continued = /\\\s*$/.test(line);
    for (const opener of line.matchAll(/<<-?\s*["']?([A-Za-z_]\w*)["']?/g)) heredocs.push(opener[1]!);
    if (wasContinued) continue;
    const from = /^[ \t]*FROM[ \t]+(?:--platform=\S+[ \t]+)?(\S+)(?:[ \t]+AS[ \t]+(\S+))?/i.exec(line);
    if (!from) continue;
    const image = from[1]!;
    // `FROM builder` names an earlier stage, and `${BASE}` is unknown until build time.
    if (!image.includes('$') && !stages.has(image.toLowerCase())) {
      const lineNumber = lines.positionAt(lineStart).line;
      imageBrokers(image, (broker) => add(lineNumber, broker, null, 'config'));
    }
    if (from[2]) stages.add(from[2].toLowerCase());
  }
}

/**
 * The line of the key that holds a sequence item (`bootstrap-servers:` above `- kafka-1:9092`, or on the same line in
 * flow style): the nearest line at or above the item that writes that key.
 */
function ownerLine(path: readonly string[], itemLine: number, textLines: readonly string[]): number {
  const owner = [...path].reverse().find((segment) => !/^\d+$/.test(segment));
  if (owner === undefined) return itemLine;
  const escaped = owner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const key = new RegExp(`(^|[\\s{,])["']?${escaped}["']?\\s*:`);
  for (let l = itemLine; l >= 1; l--) if (key.test(textLines[l - 1] ?? '')) return l;
  return itemLine;
}

/** Blanks out the given spans (comments never hold line breaks), so line numbers stay right. */
function sorted(found: Map<string, Detection>): Detection[] {
  return [...found.values()].sort((a, b) => a.line - b.line || a.broker.localeCompare(b.broker) || (a.client ?? '').localeCompare(b.client ?? ''));
}
