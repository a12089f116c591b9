// Container environment variables that set broker configuration, as the common images read them:
// Confluent and Apache Kafka images take KAFKA_<NAME> with `_` for `.`, `__` for `_` and `___` for `-`;
// Bitnami's take KAFKA_CFG_<NAME> with `_` for `.`. Only names the knowledge base knows become settings.
import type { KeyIndex } from '../keyIndex';

/**
 * The Kafka configuration name an image's variable sets: the canonical key when the knowledge base has a note for
 * it (`documented`), or the name itself when it is a real Kafka name without one. Undefined for other variables
 * (`KAFKA_HEAP_OPTS`).
 */
export function kafkaKeyFromEnv(name: string, keys: KeyIndex): { key: string; documented: boolean } | undefined {
  const bitnami = /^KAFKA_CFG_(.+)$/.exec(name);
  const confluent = bitnami ? undefined : /^KAFKA_(.+)$/.exec(name);
  let key: string;
  if (bitnami) key = bitnami[1]!.toLowerCase().replace(/_/g, '.');
  else if (confluent) {
    key = confluent[1]!.toLowerCase().replace(/___/g, '\u0001').replace(/__/g, '\u0002').replace(/_/g, '.')
      .replace(/\u0001/g, '-').replace(/\u0002/g, '_');
  } else return undefined;
  const info = keys.lookup('kafka', key);
  if (info) return { key: info.key, documented: true };
  return keys.isValidName('kafka', key) ? { key, documented: false } : undefined;
}

/**
 * The prefixes under which Confluent's component images pass Kafka client configuration, longest first: Connect
 * (`CONNECT_`), Schema Registry's store client (`SCHEMA_REGISTRY_KAFKASTORE_`), ksqlDB's Streams clients
 * (`KSQL_KSQL_STREAMS_PRODUCER_`, `KSQL_KSQL_STREAMS_`) and its own (`KSQL_`), REST Proxy's (`KAFKA_REST_CLIENT_`,
 * `KAFKA_REST_`) and Control Center's Streams client (`CONTROL_CENTER_STREAMS_`).
 */
const CONFLUENT_COMPONENTS = /^(?:CONNECT_|SCHEMA_REGISTRY_KAFKASTORE_|KSQL_KSQL_STREAMS_(?:PRODUCER_|CONSUMER_)?|KSQL_|KAFKA_REST_CLIENT_|KAFKA_REST_|CONTROL_CENTER_STREAMS_)([A-Z0-9_]+)$/;

/**
 * Kafka Connect workers in Confluent's images take CONNECT_<NAME> with `_` for `.` (`CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR`,
 * `CONNECT_PRODUCER_ACKS` for the workers' producer override `producer.acks`). Only real Connect, client and override
 * names become settings; the security settings are judged like any client's, the rest are listed.
 */
export function connectKeyFromEnv(name: string, keys: KeyIndex): { key: string; documented: boolean } | undefined {
  const match = CONFLUENT_COMPONENTS.exec(name);
  if (!match) return undefined;
  const key = match[1]!.toLowerCase().replace(/_/g, '.');
  // The components' own HTTP endpoints (`KSQL_LISTENERS`, `KAFKA_REST_HOST_NAME`) are not Kafka's.
  if (!name.startsWith('CONNECT_') && /^(listeners|host\.name|advertised\.listeners)$/.test(key)) return undefined;
  // The worker's security settings (`CONNECT_SECURITY_PROTOCOL`) mean what they mean in any client and are judged so;
  // its replication settings concern the cluster it joins, which a compose file's broker count may not describe.
  const info = keys.lookup('kafka', key);
  if (info && /^(security|sasl|ssl)\./.test(info.key)) return { key: info.key, documented: true };
  const override = /^(producer|consumer|admin)\.(.+)$/.exec(key);
  return keys.isValidName('kafka', key) || (override && keys.isValidName('kafka', override[2]!)) ? { key, documented: false } : undefined;
}
