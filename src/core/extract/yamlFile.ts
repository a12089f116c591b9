// Settings from YAML: Spring Boot `application*.yml`, docker-compose files (service `environment` in map and list
// form), Strimzi `Kafka` and `KafkaTopic` resources, RabbitMQ-operator `RabbitmqCluster` additional config, and
// messaging-topology-operator `Policy` and `Queue` resources.
import { hashComments } from './comments';
import { kafkaKeyFromEnv } from './envKeys';
import { settingsFromEmbeddedProperties } from './propertiesFile';
import { kafkaPassThrough, springKey, unbracket } from './springKeys';
import type { ExtractContext, Extraction, UnknownKey } from './types';
import { flattenYaml, type YamlEntry } from './yamlTree';
import { composeScopes, strimziScopes, type ScopeContext } from '../context/deployment';
import type { Setting, Span } from '../types';

export type YamlMode = 'spring-yaml' | 'compose' | 'yaml';

export function extractYamlFile(context: ExtractContext, mode: YamlMode): Extraction {
  const tree = flattenYaml(context.text);
  const multi = tree.documents > 1;
  const unknownKeys: UnknownKey[] = [];
  let settings: Setting[];
  let scopes: Record<string, ScopeContext> | undefined;
  if (mode === 'spring-yaml') {
    settings = springYaml(context, tree.entries, multi, unknownKeys);
  } else if (mode === 'compose') {
    scopes = composeScopes(tree.entries);
    settings = compose(context, tree.entries, scopes);
  } else {
    settings = kubernetes(context, tree.entries, unknownKeys);
    if (settings.some((s) => s.system === 'kafka')) scopes = strimziScopes(tree.entries);
  }
  const extraction: Extraction = { settings, comments: hashComments(context.text), lineComment: '#', unknownKeys };
  if (scopes) extraction.scopes = scopes;
  return extraction;
}

/** An unknown key whose name is the whole YAML key as written (not quoted), in a dedicated Kafka map. */
function unknownYamlKey(context: ExtractContext, entry: YamlEntry, name: string, unknownKeys: UnknownKey[]): void {
  if (context.text.slice(entry.keySpan.start, entry.keySpan.end) !== name) return;
  unknownKeys.push({ system: 'kafka', name, span: entry.keySpan, dedicated: true });
}

function setting(context: ExtractContext, system: string, key: string, rawKey: string, entry: YamlEntry, scope?: string): Setting {
  const position = context.lines.positionAt(entry.keySpan.start);
  const result: Setting = {
    file: context.file, line: position.line, column: position.column, system, key, rawKey, value: entry.value,
    keySpan: entry.keySpan, valueSpan: entry.valueSpan, valueStyle: entry.style,
  };
  if (scope !== undefined) result.scope = scope;
  return result;
}

function springYaml(context: ExtractContext, entries: readonly YamlEntry[], multi: boolean, unknownKeys: UnknownKey[]): Setting[] {
  const settings: Setting[] = [];
  for (const entry of entries) {
    const name = unbracket(entry.path.join('.'));
    const resolved = springKey(name, context.keys);
    if (!resolved) {
      const passThrough = kafkaPassThrough(name);
      if (passThrough && passThrough.name === entry.path[entry.path.length - 1]) unknownYamlKey(context, entry, passThrough.name, unknownKeys);
      if (passThrough && context.keys.isValidName('kafka', passThrough.name)) {
        settings.push({ ...setting(context, 'kafka', passThrough.name, entry.path[entry.path.length - 1]!, entry, multi ? `document-${entry.document}` : undefined), documented: false });
      }
      continue;
    }
    // Spring profiles in one file (`---` documents) configure different runs: each is its own scope.
    settings.push(setting(context, resolved.system, resolved.info.key, entry.path[entry.path.length - 1]!, entry, multi ? `document-${entry.document}` : undefined));
  }
  return settings;
}

function compose(context: ExtractContext, entries: readonly YamlEntry[], scopes: Readonly<Record<string, ScopeContext>>): Setting[] {
  const settings: Setting[] = [];
  for (const entry of entries) {
    const [services, service, environment, name] = entry.path;
    if (services !== 'services' || environment !== 'environment' || service === undefined || name === undefined || entry.path.length !== 4) continue;
    const scope = `service:${service}`;
    // `KAFKA_*` variables configure Kafka only in a Kafka server's container; a replicator's or an application's mean something else.
    if (scopes[scope]?.kafkaServer === false) continue;
    if (/^\d+$/.test(name)) {
      // List form: "KAFKA_LINGER_MS=100" (the key and the value share one scalar).
      const listed = listEnvironment(context.text, entry);
      if (!listed) continue;
      const key = kafkaKeyFromEnv(listed.name, context.keys);
      if (!key) continue;
      const position = context.lines.positionAt(listed.keySpan.start);
      const listedSetting: Setting = {
        file: context.file, line: position.line, column: position.column, system: 'kafka', key: key.key, rawKey: listed.name,
        value: listed.value, keySpan: listed.keySpan, valueSpan: listed.valueSpan, valueStyle: 'bare', scope,
      };
      if (!key.documented) listedSetting.documented = false;
      settings.push(listedSetting);
      continue;
    }
    const key = kafkaKeyFromEnv(name, context.keys);
    if (key) settings.push(key.documented ? setting(context, 'kafka', key.key, name, entry, scope) : { ...setting(context, 'kafka', key.key, name, entry, scope), documented: false });
  }
  return settings;
}

function listEnvironment(text: string, entry: YamlEntry): { name: string; value: string; keySpan: Span; valueSpan: Span } | undefined {
  if (entry.style === 'block') return undefined;
  const start = entry.valueSpan.start;
  const raw = text.slice(start, entry.valueSpan.end);
  const equals = raw.indexOf('=');
  if (equals <= 0) return undefined;
  return {
    name: raw.slice(0, equals).trim(),
    value: raw.slice(equals + 1),
    keySpan: { start, end: start + equals },
    valueSpan: { start: start + equals + 1, end: entry.valueSpan.end },
  };
}

function kubernetes(context: ExtractContext, entries: readonly YamlEntry[], unknownKeys: UnknownKey[]): Setting[] {
  // Documents are told apart by their apiVersion and kind, read first.
  const meta = new Map<number, { apiVersion?: string; kind?: string; name?: string }>();
  for (const entry of entries) {
    const info = meta.get(entry.document) ?? {};
    if (entry.path.length === 1 && entry.path[0] === 'apiVersion') info.apiVersion = entry.value;
    if (entry.path.length === 1 && entry.path[0] === 'kind') info.kind = entry.value;
    if (entry.path.length === 2 && entry.path[0] === 'metadata' && entry.path[1] === 'name') info.name = entry.value;
    meta.set(entry.document, info);
  }
  const settings: Setting[] = [];
  for (const entry of entries) {
    const info = meta.get(entry.document);
    if (!info?.apiVersion || !info.kind) continue;
    const scope = `${info.kind}/${info.name ?? entry.document}`;
    const path = entry.path.join('.');
    if (info.apiVersion.startsWith('kafka.strimzi.io/')) {
      let key: string | undefined;
      if (info.kind === 'Kafka' && path.startsWith('spec.kafka.config.')) key = path.slice('spec.kafka.config.'.length);
      else if (info.kind === 'KafkaTopic' && path.startsWith('spec.config.')) key = path.slice('spec.config.'.length);
      else if (info.kind === 'KafkaTopic' && path === 'spec.replicas') key = 'replication.factor';
      const known = key === undefined ? undefined : context.keys.lookup('kafka', key);
      if (known) settings.push(setting(context, 'kafka', known.key, entry.path[entry.path.length - 1]!, entry, scope));
      else if (key !== undefined && key !== 'replication.factor') {
        unknownYamlKey(context, entry, key, unknownKeys);
        if (context.keys.isValidName('kafka', key)) settings.push({ ...setting(context, 'kafka', key, entry.path[entry.path.length - 1]!, entry, scope), documented: false });
      }
    } else if (info.apiVersion.startsWith('rabbitmq.com/') && (info.kind === 'Policy' || info.kind === 'Queue')) {
      // Messaging topology operator: a Policy's definition and a Queue's arguments and flags.
      let key: string | undefined;
      if (info.kind === 'Policy' && entry.path.length === 3 && path.startsWith('spec.definition.')) key = entry.path[2];
      else if (info.kind === 'Queue' && entry.path.length === 3 && path.startsWith('spec.arguments.')) key = entry.path[2];
      else if (info.kind === 'Queue' && path === 'spec.durable') key = 'durable';
      const known = key === undefined ? undefined : context.keys.lookup('rabbitmq', key);
      if (known) settings.push(setting(context, 'rabbitmq', known.key, entry.path[entry.path.length - 1]!, entry, scope));
    } else if (info.apiVersion.startsWith('rabbitmq.com/') && info.kind === 'RabbitmqCluster' && path === 'spec.rabbitmq.additionalConfig' && entry.style === 'block') {
      // A block scalar holding rabbitmq.conf text: parse its body in place so spans stay exact.
      const raw = context.text.slice(entry.valueSpan.start, entry.valueSpan.end);
      const bodyStart = raw.indexOf('\n') + 1;
      if (bodyStart > 0) settings.push(...settingsFromEmbeddedProperties(context, raw.slice(bodyStart), entry.valueSpan.start + bodyStart, ['rabbitmq'], scope));
    }
  }
  return settings;
}
