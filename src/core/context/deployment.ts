// The deployment a configuration file defines: how many brokers the cluster behind each scope has, and which broker
// version the file pins. A replication factor of 1 is a data-loss error on a production cluster and the only value
// that works on a laptop's single broker; `zookeeper.connect` is dead on Kafka 4 and required on a ZooKeeper-mode 3.4.
import type { YamlEntry } from '../extract/yamlTree';

export interface ScopeContext {
  /** Brokers in the cluster this scope configures, where the file itself defines that cluster. */
  brokers?: number;
  /** The broker version the file pins (an image tag, Strimzi's `spec.kafka.version`), as `major.minor`. */
  version?: string;
  /**
   * For a compose service: whether it runs a Kafka server (broker or controller). Only then are its `KAFKA_*`
   * variables Kafka's configuration; elsewhere (a replicator, a Connect worker, an application) they mean what
   * that program makes of them.
   */
  kafkaServer?: boolean;
}

export type ScopeContexts = Readonly<Record<string, ScopeContext>>;

/** Container images that run a Kafka broker, by their last path segment (`${REGISTRY}/cp-server:${TAG}` still says cp-server). */
const KAFKA_BROKER_IMAGE = /(^|[-_])(cp-kafka|cp-server|kafka|kafka-native|confluent-local)$/;

/**
 * Confluent Platform ships Apache Kafka as `cp 5.x -> 2.x`, `6.0/6.1/6.2 -> 2.6/2.7/2.8`, `7.x -> 3.x`, `8.x -> 4.x`
 * (https://docs.confluent.io/platform/current/installation/versions-interoperability.html, checked 2026-12).
 */
function kafkaOfConfluent(major: number, minor: number): string | undefined {
  if (major === 5) return `2.${minor}`;
  if (major === 6) return `2.${minor + 6}`;
  if (major === 7) return `3.${minor}`;
  if (major === 8) return `4.${minor}`;
  return undefined;
}

/** The Kafka version a broker image runs, from its tag; undefined for `latest`, variables and unknown schemes. */
export function kafkaVersionOfImage(image: string): string | undefined {
  const { name, tag } = splitImage(image);
  const version = /^v?(\d+)\.(\d+)/.exec(tag ?? '');
  if (!version) return undefined;
  const major = Number(version[1]);
  const minor = Number(version[2]);
  // A mirror keeps the product's name at its end (`image-mirror-confluentinc-cp-kafka`).
  if (/(^|[-_])(cp-kafka|cp-server|confluent-local)$/.test(name)) return kafkaOfConfluent(major, minor);
  // Apache's, Bitnami's and most community images are tagged with the Kafka version itself.
  if (/(^|[-_])kafka(-native)?$/.test(name)) return major >= 0 && major <= 9 ? `${major}.${minor}` : undefined;
  return undefined;
}

function splitImage(image: string): { name: string; tag?: string } {
  const withoutDigest = image.split('@')[0]!.trim();
  const lastSlash = withoutDigest.lastIndexOf('/');
  const last = withoutDigest.slice(lastSlash + 1);
  const colon = last.indexOf(':');
  return colon < 0 ? { name: last.toLowerCase() } : { name: last.slice(0, colon).toLowerCase(), tag: last.slice(colon + 1) };
}

/** Apache Pulsar's images (`apachepulsar/pulsar`, `apachepulsar/pulsar-all`). */
export const PULSAR_IMAGE = /^pulsar(-all)?$/;

/** Kafka's command-line tools and Confluent's readiness helper: a container that runs them is a client. */
const KAFKA_TOOL = /\b(kafka-(topics|configs|acls|console-[a-z-]+|consumer-groups|reassign-partitions)(\.sh)?|cub)\b/;
/** Commands that start the server itself, perhaps after waiting or formatting storage. */
const KAFKA_SERVER_START = /\/etc\/confluent\/docker\/run|kafka-server-start|start-kafka|\/opt\/bitnami\/scripts\/kafka\/run/;

/** Variables (after `KAFKA_` or `KAFKA_CFG_`) that only a Kafka server's container sets. */
const SERVER_IDENTITY = ['BROKER_ID', 'NODE_ID', 'PROCESS_ROLES', 'ADVERTISED_LISTENERS', 'LISTENERS'];

export function isKafkaBrokerImage(image: string): boolean {
  return KAFKA_BROKER_IMAGE.test(splitImage(image).name);
}

/** One compose service as the file writes it: its image, build, command parts and environment. */
export interface ComposeService {
  image?: string;
  build: boolean;
  /** `command:` and `entrypoint:` scalars (one for a string, one per item for a list). */
  command: YamlEntry[];
  /** `environment:` entries, in map form (`NAME: value`) or list form (`- NAME=value`). */
  environment: YamlEntry[];
  /** The environment as names and values, whichever form the file uses. */
  env: Map<string, string>;
}

/** Groups a compose file's entries by service, once, for everything that reads services. */
export function composeServices(entries: readonly YamlEntry[]): Map<string, ComposeService> {
  const services = new Map<string, ComposeService>();
  for (const entry of entries) {
    const [top, service, field, name] = entry.path;
    if (top !== 'services' || service === undefined || field === undefined) continue;
    let info = services.get(service);
    if (!info) {
      info = { build: false, command: [], environment: [], env: new Map<string, string>() };
      services.set(service, info);
    }
    if (field === 'image' && entry.path.length === 3) info.image = entry.value;
    else if (field === 'build') info.build = true;
    else if ((field === 'command' || field === 'entrypoint') && entry.path.length <= 4) info.command.push(entry);
    else if (field === 'environment' && name !== undefined && entry.path.length === 4) {
      info.environment.push(entry);
      const variable = environmentVariable(entry);
      if (variable) info.env.set(variable[0], variable[1]);
    }
  }
  return services;
}

/** An `environment:` entry as name and value, in map form (`NAME: value`) or list form (`- NAME=value`). */
export function environmentVariable(entry: YamlEntry): [string, string] | undefined {
  const name = entry.path[3]!;
  if (!/^\d+$/.test(name)) return [name, entry.value.trim()];
  const equals = entry.value.indexOf('=');
  return equals > 0 ? [entry.value.slice(0, equals).trim(), entry.value.slice(equals + 1).trim()] : undefined;
}

/** An image's product name: its last path segment without tag or digest, in lower case (`apachepulsar/pulsar:4.0` is `pulsar`). */
export function imageName(image: string | undefined): string {
  return image === undefined ? '' : splitImage(image).name;
}

/**
 * Per compose service (`service:<name>`): whether it runs a Kafka broker, the cluster size, the version. Services
 * belong to one cluster when they share their ZooKeeper connection or KRaft voters (a file may define two
 * single-broker clusters side by side, as replication demos do); controller-only KRaft nodes are not brokers.
 */
export function composeScopes(services: ReadonlyMap<string, ComposeService>): Record<string, ScopeContext> {
  const clusters = new Map<string, number>();
  const brokers = new Map<string, string>();
  const servers = new Set<string>();
  for (const [service, info] of services) {
    const env = (name: string) => info.env.get(`KAFKA_${name}`) ?? info.env.get(`KAFKA_CFG_${name}`);
    // A Kafka server by its image, or by variables only a server has (mirrored and locally built images hide the name);
    // a broker image run as a command-line helper (`kafka-topics --create …`, `KAFKA_BROKER_ID: ignored`) is none.
    const identity = SERVER_IDENTITY.some((name) => { const value = env(name); return value !== undefined && value !== 'ignored'; });
    if (!(info.image !== undefined && isKafkaBrokerImage(info.image)) && !identity) continue;
    if (info.command.some((part) => KAFKA_TOOL.test(part.value)) && !info.command.some((part) => KAFKA_SERVER_START.test(part.value))) continue;
    servers.add(service);
    const roles = env('PROCESS_ROLES');
    if (roles !== undefined && !/broker/i.test(roles)) continue;
    const zookeeper = env('ZOOKEEPER_CONNECT')?.split('/')[0];
    const cluster = zookeeper ?? env('CONTROLLER_QUORUM_VOTERS') ?? info.env.get('CLUSTER_ID') ?? info.env.get('KAFKA_CLUSTER_ID') ?? '';
    brokers.set(service, cluster);
    clusters.set(cluster, (clusters.get(cluster) ?? 0) + 1);
  }
  const scopes: Record<string, ScopeContext> = {};
  for (const [service, info] of services) {
    const cluster = brokers.get(service);
    const scope: ScopeContext = {};
    if (servers.has(service)) scope.kafkaServer = true;
    else if (info.image !== undefined || info.build) scope.kafkaServer = false;
    if (cluster !== undefined) scope.brokers = clusters.get(cluster)!;
    const version = info.image ? kafkaVersionOfImage(info.image) : undefined;
    if (version) scope.version = version;
    // `bin/pulsar standalone`: broker, bookie and metadata store in one process.
    if (PULSAR_IMAGE.test(imageName(info.image)) && info.command.some((part) => /\bstandalone\b/.test(part.value))) scope.brokers = 1;
    scopes[`service:${service}`] = scope;
  }
  return scopes;
}

/**
 * Per Strimzi resource scope (`Kind/name`): a `Kafka` cluster's broker count (`spec.kafka.replicas`, or the broker
 * node pools in the same file) and `spec.kafka.version`; a `KafkaTopic` inherits both when its cluster is in the file.
 */
export function strimziScopes(entries: readonly YamlEntry[]): Record<string, ScopeContext> {
  interface Resource { kind?: string; name?: string; cluster?: string; replicas?: number; version?: string; roles: string[] }
  const documents = new Map<number, Resource>();
  for (const entry of entries) {
    const resource = documents.get(entry.document) ?? { roles: [] };
    documents.set(entry.document, resource);
    const path = entry.path.join('.');
    if (path === 'kind') resource.kind = entry.value;
    else if (path === 'metadata.name') resource.name = entry.value;
    else if (path === 'metadata.labels.strimzi.io/cluster') resource.cluster = entry.value;
    else if (path === 'spec.kafka.replicas' || path === 'spec.replicas') resource.replicas = Number(entry.value);
    else if (path === 'spec.kafka.version') {
      const version = /^(\d+\.\d+)/.exec(entry.value)?.[1];
      if (version) resource.version = version;
    }
    else if (entry.path.length === 3 && entry.path[0] === 'spec' && entry.path[1] === 'roles') resource.roles.push(entry.value);
  }
  const resources = [...documents.values()];
  const clusters = new Map<string, ScopeContext>();
  for (const kafka of resources.filter((r) => r.kind === 'Kafka' && r.name)) {
    let brokers = kafka.replicas;
    const pools = resources.filter((r) => r.kind === 'KafkaNodePool' && r.cluster === kafka.name && (r.roles.length === 0 || r.roles.includes('broker')));
    if (brokers === undefined && pools.length > 0 && pools.every((p) => Number.isInteger(p.replicas))) brokers = pools.reduce((sum, p) => sum + p.replicas!, 0);
    const context: ScopeContext = {};
    if (brokers !== undefined && Number.isInteger(brokers)) context.brokers = brokers;
    if (kafka.version) context.version = kafka.version;
    clusters.set(kafka.name!, context);
  }
  const scopes: Record<string, ScopeContext> = {};
  documents.forEach((resource, index) => {
    const scope = `${resource.kind}/${resource.name ?? index}`;
    const cluster = resource.kind === 'Kafka' ? clusters.get(resource.name ?? '') : resource.cluster !== undefined ? clusters.get(resource.cluster) : undefined;
    if (cluster) scopes[scope] = cluster;
  });
  return scopes;
}
