// Settings from YAML: Spring Boot `application*.yml`, docker-compose files (service `environment` in map and list
// form), Strimzi `Kafka` and `KafkaTopic` resources, RabbitMQ-operator `RabbitmqCluster` additional config, and
// messaging-topology-operator `Policy` and `Queue` resources.
import { hashComments } from './comments';
import { connectKeyFromEnv, kafkaKeyFromEnv } from './envKeys';
import { settingsFromEmbeddedProperties } from './propertiesFile';
import { kafkaPassThrough, springKey, springMessagingSystem, SPRING_SERDE, unbracket } from './springKeys';
import type { ExtractContext, Extraction, UnknownKey } from './types';
import { flattenYaml, type YamlEntry } from './yamlTree';
import { composeScopes, composeServices, imageName, PULSAR_IMAGE, strimziScopes, type ComposeService, type ScopeContext } from '../context/deployment';
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
    const services = composeServices(tree.entries);
    scopes = composeScopes(services);
    settings = [...compose(context, tree.entries, scopes), ...containerSettings(context, services)]
      .sort((a, b) => a.keySpan.start - b.keySpan.start);
  } else {
    settings = kubernetes(context, tree.entries, unknownKeys);
    if (settings.some((s) => s.system === 'kafka')) scopes = strimziScopes(tree.entries);
  }
  const extraction: Extraction = { settings, comments: hashComments(context.text), lineComment: '#', unknownKeys };
  if (scopes) extraction.scopes = scopes;
  return extraction;
}

/** The components of Apache Pulsar's Helm chart whose `configData` maps hold configuration-file keys. */
const PULSAR_CHART_COMPONENTS = new Set(['broker', 'bookkeeper', 'proxy', 'zookeeper', 'autorecovery', 'functions', 'toolset', 'oxia']);

/** `bookkeeper.configData.journalSyncData` → `journalSyncData`; undefined for any other path. */
export function pulsarChartKey(path: readonly string[]): string | undefined {
  return path.length === 3 && path[1] === 'configData' && PULSAR_CHART_COMPONENTS.has(path[0]!) ? path[2] : undefined;
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
      if (passThrough && (context.keys.isValidName('kafka', passThrough.name) || SPRING_SERDE.test(passThrough.name))) {
        settings.push({ ...setting(context, 'kafka', passThrough.name, entry.path[entry.path.length - 1]!, entry, multi ? `document-${entry.document}` : undefined), documented: false });
      } else if (!passThrough) {
        // Any other property under a messaging prefix is read and listed, without a note.
        const system = springMessagingSystem(name);
        if (system && entry.keySpan !== entry.valueSpan) settings.push({ ...setting(context, system, name, entry.path[entry.path.length - 1]!, entry, multi ? `document-${entry.document}` : undefined), documented: false });
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
    // `KAFKA_*` variables configure Kafka only in a Kafka server's container; a replicator's or an application's mean
    // something else. `CONNECT_*` variables configure a Connect worker wherever they appear.
    const server = scopes[scope]?.kafkaServer !== false;
    const keyOf = (variable: string) => (server ? kafkaKeyFromEnv(variable, context.keys) : undefined) ?? connectKeyFromEnv(variable, context.keys);
    if (/^\d+$/.test(name)) {
      // List form: "KAFKA_LINGER_MS=100" (the key and the value share one scalar).
      const listed = listEnvironment(context.text, entry);
      if (!listed) continue;
      const key = keyOf(listed.name);
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
    const key = keyOf(name);
    if (key) settings.push(key.documented ? setting(context, 'kafka', key.key, name, entry, scope) : { ...setting(context, 'kafka', key.key, name, entry, scope), documented: false });
  }
  return settings;
}

/**
 * Settings other brokers' images take from a compose service: Pulsar's images apply variables named like
 * configuration keys (and `PULSAR_PREFIX_<key>`) when the command runs `apply-config-from-env.py`; Redis and Valkey
 * take `--<name> <value>` arguments on the `redis-server` command line, as in `redis.conf`.
 */
function containerSettings(context: ExtractContext, services: ReadonlyMap<string, ComposeService>): Setting[] {
  const settings: Setting[] = [];
  for (const [service, info] of services) {
    const image = imageName(info.image);
    const scope = `service:${service}`;
    if (PULSAR_IMAGE.test(image) && info.command.some((c) => c.value.includes('apply-config-from-env'))) {
      for (const entry of info.environment) {
        const listed = /^\d+$/.test(entry.path[3]!) ? listEnvironment(context.text, entry) : undefined;
        const name = listed ? listed.name : entry.path[3]!;
        const known = context.keys.lookup('pulsar', name.replace(/^PULSAR_PREFIX_/, ''));
        if (!known) continue;
        if (!listed) {
          settings.push(setting(context, 'pulsar', known.key, name, entry, scope));
          continue;
        }
        const position = context.lines.positionAt(listed.keySpan.start);
        settings.push({
          file: context.file, line: position.line, column: position.column, system: 'pulsar', key: known.key, rawKey: name,
          value: listed.value, keySpan: listed.keySpan, valueSpan: listed.valueSpan, valueStyle: 'bare', scope,
        });
      }
    }
    if (REDIS_IMAGE.test(image)) settings.push(...redisArguments(context, info.command.filter((c) => c.path[2] === 'command'), scope));
  }
  return settings;
}

const REDIS_IMAGE = /^(redis|redis-stack-server|valkey)$/;

/** `redis-server --appendonly no --maxmemory-policy allkeys-lru`, as one string or as a list of arguments. */
function redisArguments(context: ExtractContext, command: readonly YamlEntry[], scope: string): Setting[] {
  const settings: Setting[] = [];
  const add = (name: string, keySpan: Span, value: string, valueSpan: Span) => {
    const known = context.keys.lookup('redis', name);
    if (!known) return;
    const position = context.lines.positionAt(keySpan.start);
    settings.push({
      file: context.file, line: position.line, column: position.column, system: 'redis', key: known.key, rawKey: name,
      value, keySpan, valueSpan, valueStyle: 'bare', scope,
    });
  };
  if (command.length === 1 && command[0]!.path.length === 3 && command[0]!.style !== 'block') {
    const entry = command[0]!;
    const raw = context.text.slice(entry.valueSpan.start, entry.valueSpan.end);
    for (const match of raw.matchAll(/(^|\s)--([a-z][a-z0-9-]*)\s+([^\s'"-][^\s'"]*)/g)) {
      const nameStart = entry.valueSpan.start + match.index! + match[1]!.length + 2;
      const valueStart = entry.valueSpan.start + match.index! + match[0]!.length - match[3]!.length;
      add(match[2]!, { start: nameStart, end: nameStart + match[2]!.length }, match[3]!, { start: valueStart, end: valueStart + match[3]!.length });
    }
    return settings;
  }
  const items = command.filter((c) => c.path.length === 4).sort((a, b) => Number(a.path[3]) - Number(b.path[3]));
  items.forEach((item, i) => {
    const next = items[i + 1];
    const name = /^--([a-z][a-z0-9-]*)$/.exec(item.value);
    if (!name || !next || next.value.startsWith('--')) return;
    const start = item.valueSpan.start + 2;
    add(name[1]!, { start, end: start + name[1]!.length }, next.value, next.valueSpan);
  });
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
    const pulsarKey = pulsarChartKey(entry.path);
    if (pulsarKey !== undefined && !info?.apiVersion) {
      // Apache Pulsar's Helm chart: `broker.configData`, `bookkeeper.configData`, … hold broker.conf and
      // bookkeeper.conf keys as they are written in those files.
      const known = context.keys.lookup('pulsar', pulsarKey);
      if (known) settings.push(setting(context, 'pulsar', known.key, pulsarKey, entry, `helm:${entry.path[0]!}`));
      continue;
    }
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
      if (bodyStart > 0) for (const s of settingsFromEmbeddedProperties(context, raw.slice(bodyStart), entry.valueSpan.start + bodyStart, ['rabbitmq'], scope)) settings.push(s);
    }
  }
  return settings;
}
