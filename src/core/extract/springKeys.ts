// Maps Spring Boot property names onto canonical keys: dedicated properties (spring.kafka.producer.acks), Spring
// Kafka's pass-through maps (spring.kafka.producer.properties.linger.ms, also written properties[linger.ms]), and
// rocketmq-spring's `rocketmq.*`. (Spring Boot has no such pass-through map for Pulsar.)
import type { KeyIndex } from '../keyIndex';
import type { KeyInfo } from '../knowledgeTypes';
import { SPRING_PREFIXES } from '../detect/patterns';

const KAFKA_PASS_THROUGH = /^spring\.kafka\.(?:(?:producer|consumer|admin|streams)\.)?properties\.(.+)$/i;

export interface SpringKey {
  info: KeyInfo;
  system: string;
}

export function springKey(name: string, keys: KeyIndex): SpringKey | undefined {
  const normalized = unbracket(name);
  const passThrough = KAFKA_PASS_THROUGH.exec(normalized);
  if (passThrough) {
    const info = keys.lookup('kafka', passThrough[1]!);
    return info ? { info, system: 'kafka' } : undefined;
  }
  const info = keys.lookupSpring(normalized);
  return info ? { info, system: info.system } : undefined;
}

/**
 * For a name in one of Spring Kafka's pass-through maps, the Kafka name and where it starts in the written name;
 * undefined elsewhere. Bracketed names count from inside the bracket.
 */
export function kafkaPassThrough(written: string): { name: string; offset: number } | undefined {
  const match = /^(spring\.kafka\.(?:(?:producer|consumer|admin|streams)\.)?properties)(\.\[|\[|\.)([^\]]+)\]?$/i.exec(written);
  if (!match) return undefined;
  return { name: match[3]!, offset: match[1]!.length + match[2]!.length };
}

/** `a.properties[linger.ms]` and `a.properties.[linger.ms]` are `a.properties.linger.ms`. */
export function unbracket(name: string): string {
  return name.replace(/\.?\[([^\]]*)\]/g, '.$1');
}

/**
 * Spring for Apache Kafka's own serializer settings, passed through the same maps as Kafka's
 * (`spring.json.trusted.packages`, `spring.deserializer.value.delegate.class`).
 */
export const SPRING_SERDE = /^spring\.(json|deserializer)\./i;

/**
 * The system a Spring property under a messaging prefix configures, for properties MQ Lens has no note for
 * (`spring.rabbitmq.listener.simple.retry.max-attempts`): they are read and listed, undocumented.
 */
export function springMessagingSystem(name: string): string | undefined {
  const lower = name.toLowerCase();
  return SPRING_PREFIXES.find((p) => lower.startsWith(p.prefix) && lower.length > p.prefix.length)?.broker;
}
