// Settings from line-oriented `key = value` files: Kafka and RocketMQ `.properties`, Spring Boot
// `application*.properties`, and the `.conf` files of RabbitMQ, RocketMQ, Pulsar and Redis (all read by the same
// parser: `rabbitmq.conf`'s `a.b = c` and `redis.conf`'s `key value` are both valid properties syntax).
import type { KeyIndex } from '../keyIndex';
import { parseProperties, type PropertiesEntry } from '../parsers/properties';
import type { LineIndex } from '../text';
import type { Setting, Span } from '../types';
import { kafkaPassThrough, springKey, springMessagingSystem, SPRING_SERDE } from './springKeys';
import type { ExtractContext, Extraction, UnknownKey } from './types';

export type PropertiesMode = 'properties' | 'spring-properties' | 'conf';

export function extractPropertiesFile(context: ExtractContext, mode: PropertiesMode): Extraction {
  const document = parseProperties(context.text);
  const comments = document.comments.map((c) => ({ text: c.text, span: c.span, ownLine: true }));
  const unknownKeys: UnknownKey[] = [];
  const settings = mode === 'spring-properties'
    ? springSettings(context, document.entries, unknownKeys)
    : plainSettings(context, document.entries, candidateSystems(context.file), undefined, unknownKeys);
  const extraction: Extraction = { settings, comments, lineComment: '#', unknownKeys };
  // Pulsar's standalone.conf configures broker, bookie and metadata store in one process: a single node by definition.
  if (/(^|[\\/])standalone\.conf$/i.test(context.file)) extraction.scopes = { '': { brokers: 1 } };
  return extraction;
}

/**
 * Entries of a properties text embedded elsewhere (a YAML block scalar, say): `offset` is where `text` starts in the
 * analysed file, so spans stay exact.
 */
export function settingsFromEmbeddedProperties(context: ExtractContext, text: string, offset: number, systems: readonly string[], scope?: string): Setting[] {
  const entries = parseProperties(text).entries.map((e) => ({
    ...e, keySpan: shift(e.keySpan, offset), valueSpan: shift(e.valueSpan, offset),
  }));
  return plainSettings(context, entries, systems, scope);
}

function shift(span: Span, offset: number): Span {
  return { start: span.start + offset, end: span.end + offset };
}

function springSettings(context: ExtractContext, entries: readonly PropertiesEntry[], unknownKeys: UnknownKey[]): Setting[] {
  const settings: Setting[] = [];
  for (const entry of entries) {
    const resolved = springKey(entry.key, context.keys);
    if (resolved) {
      settings.push(makeSetting(context.file, context.lines, resolved.system, resolved.info.key, entry));
      continue;
    }
    const passThrough = kafkaPassThrough(entry.key);
    // Only when the key is written plainly (no escapes), so that offsets in the name are offsets in the text.
    if (passThrough && entry.keySpan.end - entry.keySpan.start === entry.key.length) {
      const start = entry.keySpan.start + passThrough.offset;
      unknownKeys.push({ system: 'kafka', name: passThrough.name, span: { start, end: start + passThrough.name.length }, dedicated: true });
      if (context.keys.isValidName('kafka', passThrough.name) || SPRING_SERDE.test(passThrough.name)) {
        settings.push({ ...makeSetting(context.file, context.lines, 'kafka', passThrough.name, entry), documented: false });
      }
      continue;
    }
    const system = springMessagingSystem(entry.key);
    if (system) settings.push({ ...makeSetting(context.file, context.lines, system, entry.key, entry), documented: false });
  }
  return settings;
}

/** Which systems a file of this name configures, most likely first. */
function candidateSystems(file: string): string[] {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1).toLowerCase();
  if (base === 'rabbitmq.conf') return ['rabbitmq'];
  if (/^mosquitto.*\.conf$/.test(base)) return ['mqtt'];
  if (/^redis.*\.conf$/.test(base)) return ['redis'];
  if (/^(standalone|client|bookkeeper|proxy|functions_worker)\.conf$/.test(base)) return ['pulsar'];
  if (/^broker.*\.(conf|properties)$/.test(base)) return ['rocketmq', 'pulsar', 'kafka'];
  return ['kafka', 'rocketmq', 'pulsar'];
}

/**
 * Assigns each entry to a system. The file's system is the candidate that knows the most of its keys; an entry goes
 * to that system when it knows the key, else to the first other candidate that does.
 */
function plainSettings(context: ExtractContext, entries: readonly PropertiesEntry[], candidates: readonly string[], scope?: string, unknownKeys?: UnknownKey[]): Setting[] {
  if (scope === undefined && NOT_MESSAGING.test(baseNameOf(context.file))) return [];
  const votes = new Map<string, number>();
  for (const entry of entries) {
    // A dotted name (`bootstrap.servers`) says more than a bare word (`retries`), which many tools share.
    const weight = entry.key.includes('.') ? 2 : 1;
    for (const system of context.keys.systemsFor(entry.key)) {
      if (candidates.includes(system)) votes.set(system, (votes.get(system) ?? 0) + weight);
    }
  }
  // A file is a system's configuration only when its content says so, or its name and one key do: Gradle's wrapper
  // has `retries=0` too.
  const hinted = scope !== undefined || MESSAGING_NAME.test(baseNameOf(context.file));
  const ranked = [...candidates].filter((s) => (votes.get(s) ?? 0) >= (hinted ? 1 : 2)).sort((a, b) => (votes.get(b) ?? 0) - (votes.get(a) ?? 0));
  const settings: Setting[] = [];
  // A file that is mostly Kafka configuration: its other keys may be misspelled Kafka names.
  const kafkaFile = ranked[0] === 'kafka' && (votes.get('kafka') ?? 0) > 0;
  for (const entry of entries) {
    const system = ranked.find((s) => context.keys.lookup(s, entry.key));
    if (!system) {
      if (kafkaFile && unknownKeys && entry.keySpan.end - entry.keySpan.start === entry.key.length) {
        unknownKeys.push({ system: 'kafka', name: entry.key, span: entry.keySpan, dedicated: false });
      }
      // A real name without a note is still a setting of this file: listed, though nothing judges it yet.
      const owner = ranked.find((s) => context.keys.isValidName(s, entry.key));
      if (owner && (owner !== 'kafka' || kafkaFile)) {
        const setting = { ...makeSetting(context.file, context.lines, owner, entry.key, entry), documented: false as const };
        if (scope !== undefined) setting.scope = scope;
        settings.push(setting);
      }
      continue;
    }
    const setting = makeSetting(context.file, context.lines, system, context.keys.lookup(system, entry.key)!.key, entry);
    if (scope !== undefined) setting.scope = scope;
    settings.push(setting);
  }
  return settings;
}

/** Properties files of build tools, logging and translations, never a message queue's configuration. */
const NOT_MESSAGING = /^(gradle-wrapper|gradle|maven-wrapper|local|sonar-project|log4j2?|logging|simplelogger|messages([_-][\w-]+)?|git|version|build)\.properties$/i;
/** File names that say a file configures a messaging client or server. */
const MESSAGING_NAME = /kafka|producer|consumer|server|broker|client|connect|stream|admin|topic|rocketmq|pulsar|namesrv|proxy|mq|\.conf$/i;

function baseNameOf(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

function makeSetting(file: string, lines: LineIndex, system: string, key: string, entry: PropertiesEntry): Setting {
  const position = lines.positionAt(entry.keySpan.start);
  return {
    file, line: position.line, column: position.column, system, key, rawKey: entry.key, value: entry.value,
    keySpan: entry.keySpan, valueSpan: entry.valueSpan, valueStyle: 'bare',
  };
}

export type { KeyIndex };
