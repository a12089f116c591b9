// Container environment variables that set broker configuration, as the common images read them:
// Confluent and Apache Kafka images take KAFKA_<NAME> with `_` for `.`, `__` for `_` and `___` for `-`;
// Bitnami's take KAFKA_CFG_<NAME> with `_` for `.`. Only names the knowledge base knows become settings.
import type { KeyIndex } from '../keyIndex';
import type { KeyInfo } from '../knowledgeTypes';

export function kafkaKeyFromEnv(name: string, keys: KeyIndex): KeyInfo | undefined {
  const bitnami = /^KAFKA_CFG_(.+)$/.exec(name);
  if (bitnami) return keys.lookup('kafka', bitnami[1]!.toLowerCase().replace(/_/g, '.'));
  const confluent = /^KAFKA_(.+)$/.exec(name);
  if (!confluent) return undefined;
  const key = confluent[1]!.toLowerCase().replace(/___/g, '\u0001').replace(/__/g, '\u0002').replace(/_/g, '.')
    .replace(/\u0001/g, '-').replace(/\u0002/g, '_');
  return keys.lookup('kafka', key);
}
