// Generated but realistic inputs for the benchmarks: configuration and source files of the kinds MQ Lens reads, at a
// chosen number of lines, and a monorepo in which most files have nothing to do with messaging.
//
// Every file is built from blocks a real project would have (settings with comments, classes, handlers, SQL, tests).
// Messaging files carry a `mq-lens: workload=online` directive, client imports (so settings in code count) and some
// risky values (acks=1, linger.ms=100, retries=0, idempotence off, …), repeated every few hundred lines as overrides,
// so rules fire in proportion to size. Output is deterministic: the same seed gives the same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pad = (n: number, width = 3) => String(n).padStart(width, '0');

const NOUNS = ['order', 'payment', 'invoice', 'customer', 'cart', 'shipment', 'refund', 'account', 'product', 'price',
  'coupon', 'review', 'session', 'ledger', 'tenant', 'report', 'export', 'audit', 'inventory', 'warehouse', 'route',
  'notification', 'subscription', 'discount', 'tax', 'address', 'profile', 'token', 'quota', 'plan'];
const VERBS = ['load', 'save', 'validate', 'compute', 'render', 'sync', 'merge', 'resolve', 'apply', 'build', 'parse',
  'fetch', 'update', 'archive', 'refresh', 'normalize', 'reconcile', 'schedule', 'publish', 'enrich'];
const FIELDS = ['id', 'status', 'amount', 'currency', 'createdAt', 'updatedAt', 'ownerId', 'region', 'version',
  'total', 'quantity', 'sku', 'email', 'name', 'notes', 'priority', 'dueDate', 'retryCount', 'source', 'tags'];

/** The words one generated block of code is written with, drawn in a fixed order: a noun, a verb, two fields. */
const words = (r: Rng) => ({ noun: pick(r, NOUNS), verb: pick(r, VERBS), a: pick(r, FIELDS), b: pick(r, FIELDS) });
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1'];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Builds a file of exactly `lines` lines: header, blocks while they fit, footer, then blank or comment padding. */
function assemble(lines: number, header: string[], footer: string[], block: (i: number) => string[], padLine: string): string {
  const out = [...header];
  for (let i = 0; ; i++) {
    const next = block(i);
    if (out.length + next.length + footer.length > lines) break;
    out.push(...next);
  }
  while (out.length + footer.length < lines) out.push(padLine);
  out.push(...footer);
  return `${out.slice(0, Math.max(lines, 1)).join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Configuration files

/** A Kafka producer .properties file: the client settings, then per-topic and per-tenant sections with overrides. */
export function producerProperties(lines: number, seed = 1): string {
  const r = rng(seed);
  const header = [
    '# mq-lens: workload=online',
    '# Kafka producer configuration for the checkout service.',
    '# Rendered from deploy/templates/producer.properties.j2: edit the template, not this file.',
    '',
    'bootstrap.servers=kafka-1.prod.internal:9093,kafka-2.prod.internal:9093,kafka-3.prod.internal:9093',
    'client.id=checkout-producer',
    'acks=1',
    'linger.ms=100',
    'batch.size=16384',
    'compression.type=none',
    'enable.idempotence=false',
    'retries=0',
    'max.in.flight.requests.per.connection=10',
    'delivery.timeout.ms=120000',
    'request.timeout.ms=30000',
    'buffer.memory=33554432',
    'key.serializer=org.apache.kafka.common.serialization.StringSerializer',
    'value.serializer=io.confluent.kafka.serializers.KafkaAvroSerializer',
    'security.protocol=SASL_SSL',
    'sasl.mechanism=SCRAM-SHA-512',
    'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\',
    '    username="checkout" \\',
    '    password="${file:/etc/kafka/secrets.properties:password}";',
    'ssl.truststore.location=/etc/kafka/truststore.jks',
    'ssl.truststore.password=${file:/etc/kafka/secrets.properties:truststore}',
    'schema.registry.url=https://schema-registry.prod.internal',
    '',
  ];
  const block = (i: number): string[] => {
    const tenant = pad(i + 1);
    const noun = pick(r, NOUNS);
    const region = pick(r, REGIONS);
    const out = [
      `# --- tenant ${tenant}: ${noun} events, ${region} ---`,
      `tenant.${tenant}.topic=${noun}.${region}.v${int(r, 1, 4)}`,
      `tenant.${tenant}.partitions=${pick(r, [6, 12, 24, 48])}`,
      `tenant.${tenant}.retention.ms=${pick(r, [86400000, 604800000, 2592000000])}`,
      `tenant.${tenant}.schema.subject=${noun}-value`,
      `tenant.${tenant}.owner=team-${noun}s@example.com`,
      `tenant.${tenant}.dlq.topic=${noun}.${region}.dlq`,
      `metrics.tags.tenant-${tenant}=${region}`,
    ];
    if (i % 8 === 3) {
      // An override section, the way large rendered configs repeat client keys per path.
      out.push(`# Override for the ${noun} bulk path (reviewed ${2020 + (i % 5)}-0${1 + (i % 9)})`);
      out.push(`linger.ms=${pick(r, [5, 50, 250])}`, `batch.size=${pick(r, [16384, 65536, 262144])}`);
      out.push(i % 16 === 3 ? 'acks=1' : 'acks=all', `queue.buffering.max.ms : ${pick(r, [10, 25, 40])}`);
    }
    out.push('');
    return out;
  };
  return assemble(lines, header, ['# end of generated configuration'], block, '#');
}

/** A Spring Boot application.yml: the main document, then one `---` document per deployment profile. */
export function springApplicationYaml(lines: number, seed = 2): string {
  const r = rng(seed);
  const header = [
    '# mq-lens: workload=online',
    '# Order service configuration (Spring Boot).',
    'spring:',
    '  application:',
    '    name: order-service',
    '  kafka:',
    '    bootstrap-servers: kafka-1.prod.internal:9092,kafka-2.prod.internal:9092',
    '    producer:',
    '      acks: 1',
    '      retries: 0',
    '      batch-size: 16384',
    '      compression-type: none',
    '      key-serializer: org.apache.kafka.common.serialization.StringSerializer',
    '      value-serializer: org.springframework.kafka.support.serializer.JsonSerializer',
    '      properties:',
    '        linger.ms: 100',
    '        enable.idempotence: false',
    '        max.in.flight.requests.per.connection: 10',
    '    consumer:',
    '      group-id: order-service',
    '      auto-offset-reset: latest',
    '      enable-auto-commit: true',
    '      max-poll-records: 500',
    '      properties:',
    '        max.poll.interval.ms: 300000',
    '  rabbitmq:',
    '    host: rabbit.prod.internal',
    '    port: 5672',
    '    username: orders',
    '    password: ${RABBITMQ_PASSWORD}',
    '    listener:',
    '      simple:',
    '        acknowledge-mode: none',
    '        prefetch: 250',
    '  datasource:',
    '    url: jdbc:postgresql://db.prod.internal:5432/orders',
    '    username: orders',
    '    password: ${DB_PASSWORD}',
    '    hikari:',
    '      maximum-pool-size: 20',
    '      connection-timeout: 3000',
    '  jpa:',
    '    open-in-view: false',
    '    properties:',
    '      hibernate.jdbc.batch_size: 50',
    'server:',
    '  port: 8080',
    '  shutdown: graceful',
    'management:',
    '  endpoints:',
    '    web:',
    '      exposure:',
    '        include: health,info,prometheus',
    'logging:',
    '  level:',
    '    root: INFO',
    '    org.apache.kafka: WARN',
    '    com.acme.orders: DEBUG',
  ];
  const block = (i: number): string[] => {
    const name = `${pick(r, NOUNS)}-${pad(i + 1)}`;
    const region = pick(r, REGIONS);
    const out = [
      '---',
      `# Profile ${name}: ${region}`,
      'spring:',
      '  config:',
      '    activate:',
      `      on-profile: ${name}`,
      '  kafka:',
      `    bootstrap-servers: kafka-1.${region}.internal:9092,kafka-2.${region}.internal:9092`,
      '    producer:',
      `      acks: ${i % 4 === 1 ? '1' : 'all'}`,
      '      properties:',
      `        linger.ms: ${pick(r, [5, 20, 100])}`,
      '    consumer:',
      `      group-id: order-service-${name}`,
      '  datasource:',
      `    url: jdbc:postgresql://db.${region}.internal:5432/orders`,
      'app:',
      `  region: ${region}`,
      '  features:',
      `    new-checkout: ${r() < 0.5}`,
      `    fraud-scoring: ${r() < 0.5}`,
      `    gift-cards: ${r() < 0.5}`,
      '  limits:',
      `    max-cart-items: ${int(r, 50, 500)}`,
      `    max-order-amount: ${int(r, 1000, 100000)}`,
      '  routes:',
    ];
    for (let k = 0; k < 4; k++) {
      const noun = pick(r, NOUNS);
      out.push(`    - path: /api/v${int(r, 1, 3)}/${noun}s`, `      service: ${noun}-service`, `      timeout: ${int(r, 1, 30)}s`);
    }
    return out;
  };
  return assemble(lines, header, [], block, '#');
}

/** A docker-compose.yml for a local stack: Kafka with broker settings, ZooKeeper, RabbitMQ, Redis and app services. */
export function dockerCompose(lines: number, seed = 3): string {
  const r = rng(seed);
  const header = [
    '# mq-lens: workload=online',
    '# Local development stack: docker compose up -d',
    'name: acme-shop',
    'services:',
    '  zookeeper:',
    '    image: confluentinc/cp-zookeeper:7.6.1',
    '    environment:',
    '      ZOOKEEPER_CLIENT_PORT: 2181',
    '      ZOOKEEPER_TICK_TIME: 2000',
    '  kafka:',
    '    image: confluentinc/cp-kafka:7.6.1',
    '    depends_on: [zookeeper]',
    '    ports:',
    '      - "9092:9092"',
    '    environment:',
    '      KAFKA_BROKER_ID: 1',
    '      KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181',
    '      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092',
    '      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT',
    '      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1',
    '      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1',
    '      KAFKA_DEFAULT_REPLICATION_FACTOR: 1',
    '      KAFKA_MIN_INSYNC_REPLICAS: 1',
    '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "true"',
    '      KAFKA_LOG_DIRS: /tmp/kafka-logs',
    '  rabbitmq:',
    '    image: rabbitmq:3.13-management',
    '    ports: ["5672:5672", "15672:15672"]',
    '  redis:',
    '    image: redis:7.2-alpine',
    '    command: ["redis-server", "--appendonly", "no"]',
  ];
  const block = (i: number): string[] => {
    const noun = pick(r, NOUNS);
    const name = `${noun}-service-${pad(i + 1)}`;
    const out = [
      `  ${name}:`,
      `    image: registry.acme.internal/shop/${noun}-service:${int(r, 1, 9)}.${int(r, 0, 30)}.${int(r, 0, 9)}`,
      '    restart: unless-stopped',
      `    depends_on: [kafka, rabbitmq, redis]`,
      '    ports:',
      `      - "${8000 + i}:8080"`,
      '    environment:',
      '      SPRING_PROFILES_ACTIVE: local',
      '      KAFKA_BOOTSTRAP_SERVERS: kafka:29092',
      `      SERVICE_NAME: ${name}`,
      `      DATABASE_URL: postgres://app:app@postgres:5432/${snake(noun)}`,
      `      LOG_LEVEL: ${pick(r, ['info', 'debug', 'warn'])}`,
      '    healthcheck:',
      '      test: ["CMD", "curl", "-fs", "http://localhost:8080/actuator/health"]',
      '      interval: 10s',
      '      retries: 5',
      '    deploy:',
      '      resources:',
      '        limits:',
      `          memory: ${pick(r, [256, 512, 1024])}M`,
      '    volumes:',
      `      - ./services/${noun}/config:/app/config:ro`,
    ];
    if (i % 10 === 4) {
      // Another broker in the same stack, configured in the list form.
      out.push(`  kafka-${i + 2}:`, '    image: apache/kafka:3.8.0', '    environment:',
        `      - KAFKA_NODE_ID=${i + 2}`, '      - KAFKA_MIN_INSYNC_REPLICAS=1', '      - KAFKA_DEFAULT_REPLICATION_FACTOR=1');
    }
    return out;
  };
  return assemble(lines, header, ['volumes:', '  kafka-data: {}'], block, '#');
}

// ---------------------------------------------------------------------------------------------------------------
// Source code. Each language has a messaging header (client imports and a client configured with risky values),
// ordinary blocks, and a messaging block repeated now and then.

interface CodeOptions {
  /** With client imports and configuration (a file MQ Lens has something to say about). */
  messaging: boolean;
}

export function python(lines: number, seed = 4, options: CodeOptions = { messaging: true }): string {
  const r = rng(seed);
  const header = options.messaging ? [
    '# mq-lens: workload=online',
    '"""Order events: publishes the order lifecycle to Kafka and consumes payment results."""',
    'from __future__ import annotations',
    '',
    'import json',
    'import logging',
    'import os',
    'from dataclasses import dataclass, field',
    'from datetime import datetime, timezone',
    'from typing import Any, Optional',
    '',
    'from confluent_kafka import Consumer, KafkaError, Producer',
    'import pika',
    '',
    'log = logging.getLogger(__name__)',
    '',
    'PRODUCER_CONFIG = {',
    '    "bootstrap.servers": os.environ.get("KAFKA_BOOTSTRAP", "kafka-1:9092"),',
    '    "acks": "1",',
    '    "linger.ms": 100,',
    '    "enable.idempotence": False,',
    '    "retries": 0,',
    '    "max.in.flight.requests.per.connection": 10,',
    '    "compression.type": "none",',
    '}',
    'CONSUMER_CONFIG = {',
    '    "bootstrap.servers": os.environ.get("KAFKA_BOOTSTRAP", "kafka-1:9092"),',
    '    "group.id": "order-events",',
    '    "enable.auto.commit": True,',
    '    "auto.offset.reset": "latest",',
    '}',
    '',
    'channel = pika.BlockingConnection(pika.ConnectionParameters("rabbit.internal")).channel()',
    'channel.queue_declare(queue="order-tasks", durable=False)',
    '',
  ] : [
    `"""${cap(pick(r, NOUNS))} service helpers."""`,
    'from __future__ import annotations',
    '',
    'import json',
    'import logging',
    (([module, name]) => `from ${module} import ${name}`)(pick(r, [['django.db', 'models'], ['sqlalchemy', 'select'], ['fastapi', 'APIRouter'], ['requests', 'Session'], ['pydantic', 'BaseModel']] as const)),
    'from dataclasses import dataclass, field',
    'from datetime import datetime, timezone',
    'from typing import Any, Optional',
    '',
    'log = logging.getLogger(__name__)',
    '',
  ];
  const block = (i: number): string[] => {
    const { noun, verb, a, b } = words(r);
    if (options.messaging && i % 25 === 12) {
      return [
        '',
        `def publish_${noun}_${i}(producer: Producer, event: dict[str, Any]) -> None:`,
        `    """Publishes one ${noun} event; the bulk path batches harder."""`,
        `    bulk = Producer({**PRODUCER_CONFIG, "linger.ms": ${pick(r, [5, 50, 200])}, "acks": "${pick(r, ['0', '1', 'all'])}"})`,
        `    bulk.produce("${noun}.events", key=str(event["id"]), value=json.dumps(event).encode("utf-8"))`,
        '    bulk.flush()',
        '',
      ];
    }
    switch (i % 4) {
      case 0:
        return [
          '',
          '@dataclass',
          `class ${cap(noun)}${i}:`,
          `    """A ${noun} as stored in the ${noun}s table."""`,
          '',
          `    ${snake(a)}: str`,
          `    ${snake(b)}: Optional[int] = None`,
          '    tags: list[str] = field(default_factory=list)',
          '    created_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))',
          '',
          '    def to_json(self) -> dict[str, Any]:',
          `        return {"${a}": self.${snake(a)}, "${b}": self.${snake(b)}, "tags": self.tags}`,
        ];
      case 1:
        return [
          '',
          '',
          `def ${verb}_${noun}_${i}(rows: list[dict[str, Any]], *, limit: int = ${int(r, 10, 500)}) -> list[dict[str, Any]]:`,
          `    """${cap(verb)}s ${noun}s, skipping the ones without a ${a}."""`,
          '    result = []',
          '    for row in rows[:limit]:',
          `        if not row.get("${a}"):`,
          `            log.debug("skipping %s: no ${a}", row.get("id"))`,
          '            continue',
          `        row["${b}"] = row.get("${b}") or ${int(r, 0, 99)}`,
          '        result.append(row)',
          `    return sorted(result, key=lambda r: r.get("${a}") or "")`,
        ];
      case 2:
        return [
          '',
          `${snake(noun).toUpperCase()}_QUERY_${i} = """`,
          `    SELECT id, ${snake(a)}, ${snake(b)}, created_at`,
          `      FROM ${snake(noun)}s`,
          `     WHERE ${snake(a)} = %(value)s AND deleted_at IS NULL`,
          '     ORDER BY created_at DESC',
          `     LIMIT ${int(r, 10, 1000)}`,
          '"""',
        ];
      default:
        return [
          '',
          '',
          `class ${cap(noun)}${cap(verb)}er${i}:`,
          `    # Retries transient failures; ${int(r, 2, 9)} attempts at most.`,
          '    def __init__(self, client: Any, retries: int = 3) -> None:',
          '        self.client = client',
          '        self.retries = retries',
          '',
          `    def run(self, ${snake(a)}: str) -> Optional[dict[str, Any]]:`,
          '        for attempt in range(self.retries):',
          '            try:',
          `                return self.client.get(f"/${noun}s/{${snake(a)}}", timeout=${int(r, 1, 30)})`,
          '            except TimeoutError as error:',
          `                log.warning("attempt %d of %d failed: %s", attempt + 1, self.retries, error)`,
          '        return None',
        ];
    }
  };
  return assemble(lines, header, [], block, '');
}

export function java(lines: number, seed = 5, options: CodeOptions = { messaging: true }, className = 'OrderEventPublisher', pkg = 'com.acme.orders.messaging'): string {
  const r = rng(seed);
  const header = options.messaging ? [
    '// mq-lens: workload=online',
    `package ${pkg};`,
    '',
    'import java.time.Duration;',
    'import java.util.ArrayList;',
    'import java.util.List;',
    'import java.util.Map;',
    'import java.util.Properties;',
    'import java.util.concurrent.CompletableFuture;',
    'import org.apache.kafka.clients.consumer.ConsumerConfig;',
    'import org.apache.kafka.clients.producer.KafkaProducer;',
    'import org.apache.kafka.clients.producer.ProducerConfig;',
    'import org.apache.kafka.clients.producer.ProducerRecord;',
    'import org.apache.kafka.common.serialization.StringSerializer;',
    'import org.slf4j.Logger;',
    'import org.slf4j.LoggerFactory;',
    '',
    `public class ${className} {`,
    `    private static final Logger log = LoggerFactory.getLogger(${className}.class);`,
    '',
    '    static Properties producerProperties(String bootstrapServers) {',
    '        Properties props = new Properties();',
    '        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);',
    '        props.put(ProducerConfig.ACKS_CONFIG, "1");',
    '        props.put(ProducerConfig.LINGER_MS_CONFIG, 100);',
    '        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);',
    '        props.put(ProducerConfig.RETRIES_CONFIG, 0);',
    '        props.put("max.in.flight.requests.per.connection", 10);',
    '        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());',
    '        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());',
    '        return props;',
    '    }',
    '',
    '    static Properties consumerProperties(String bootstrapServers, String groupId) {',
    '        Properties props = new Properties();',
    '        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);',
    '        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);',
    '        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");',
    '        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");',
    '        return props;',
    '    }',
  ] : [
    `package ${pkg};`,
    '',
    'import java.time.Instant;',
    'import java.util.List;',
    'import java.util.Map;',
    'import java.util.Optional;',
    `import org.springframework.${pick(r, ['stereotype.Service', 'web.bind.annotation.RestController', 'transaction.annotation.Transactional', 'stereotype.Repository'])};`,
    'import org.slf4j.Logger;',
    'import org.slf4j.LoggerFactory;',
    '',
    `public class ${className} {`,
    `    private static final Logger log = LoggerFactory.getLogger(${className}.class);`,
  ];
  const block = (i: number): string[] => {
    const { noun, verb, a, b } = words(r);
    if (options.messaging && i % 20 === 9) {
      return [
        '',
        `    /** The ${noun} bulk path: batches harder than the request path. */`,
        `    static Properties ${noun}BulkProperties${i}(String bootstrapServers) {`,
        '        Properties props = producerProperties(bootstrapServers);',
        `        props.put(ProducerConfig.LINGER_MS_CONFIG, ${pick(r, [5, 50, 200])});`,
        `        props.put(ProducerConfig.ACKS_CONFIG, "${pick(r, ['0', '1', 'all'])}");`,
        `        props.put(ProducerConfig.BATCH_SIZE_CONFIG, ${pick(r, [16384, 65536, 262144])});`,
        '        return props;',
        '    }',
      ];
    }
    switch (i % 4) {
      case 0:
        return [
          '',
          '    /**',
          `     * ${cap(verb)}s the ${noun}s of one ${pick(r, NOUNS)}, oldest first.`,
          '     *',
          `     * @param ${a} the ${a} to match`,
          `     * @return the ${noun}s, never null`,
          '     */',
          `    public List<Map<String, Object>> ${verb}${cap(noun)}s${i}(String ${a}, int limit) {`,
          '        List<Map<String, Object>> result = new ArrayList<>();',
          '        for (int i = 0; i < limit; i++) {',
          `            result.add(Map.of("${a}", ${a}, "${b}", i, "index", i * ${int(r, 2, 9)}));`,
          '        }',
          `        log.debug("${verb} {} ${noun}s for {}", result.size(), ${a});`,
          '        return result;',
          '    }',
        ];
      case 1:
        return [
          '',
          `    public record ${cap(noun)}${i}(String ${a}, long ${b}, Instant createdAt) {`,
          `        public ${cap(noun)}${i} {`,
          `            if (${a} == null || ${a}.isBlank()) throw new IllegalArgumentException("${a} is required");`,
          '        }',
          '    }',
        ];
      case 2:
        return [
          '',
          `    private static final String ${snake(noun).toUpperCase()}_SQL_${i} = """`,
          `        SELECT id, ${snake(a)}, ${snake(b)} FROM ${snake(noun)}s`,
          `         WHERE ${snake(a)} = ? AND region = '${pick(r, REGIONS)}'`,
          '         ORDER BY created_at DESC""";',
        ];
      default:
        return [
          '',
          `    public CompletableFuture<String> ${verb}${cap(noun)}Async${i}(Map<String, String> input) {`,
          '        return CompletableFuture.supplyAsync(() -> {',
          `            String value = input.getOrDefault("${a}", "${pick(r, ['none', 'n/a', 'unknown'])}");`,
          '            switch (value) {',
          `                case "${pick(r, ['open', 'new'])}": return value.toUpperCase();`,
          `                case "${pick(r, ['closed', 'done'])}": return value + "/" + input.size();`,
          '                default: return String.format("%s:%d", value, value.length());',
          '            }',
          '        });',
          '    }',
        ];
    }
  };
  return assemble(lines, header, ['}'], block, '');
}

export function go(lines: number, seed = 6, options: CodeOptions = { messaging: true }, pkg = 'orders'): string {
  const r = rng(seed);
  const header = options.messaging ? [
    '// mq-lens: workload=online',
    `package ${pkg}`,
    '',
    'import (',
    '\t"context"',
    '\t"encoding/json"',
    '\t"errors"',
    '\t"fmt"',
    '\t"log/slog"',
    '\t"net/http"',
    '\t"strings"',
    '\t"time"',
    '',
    '\t"github.com/IBM/sarama"',
    '\tkafka "github.com/segmentio/kafka-go"',
    ')',
    '',
    'func newProducerConfig() *sarama.Config {',
    '\tconfig := sarama.NewConfig()',
    '\tconfig.Producer.RequiredAcks = sarama.WaitForLocal',
    '\tconfig.Producer.Idempotent = false',
    '\tconfig.Producer.Retry.Max = 0',
    '\tconfig.Producer.Flush.Frequency = 100 * time.Millisecond',
    '\tconfig.Producer.Return.Successes = true',
    '\treturn config',
    '}',
    '',
    'func newWriter(brokers []string) *kafka.Writer {',
    '\treturn &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "orders", Balancer: &kafka.Hash{}}',
    '}',
    '',
    'var _ = errors.New',
    'var _ = fmt.Sprintf',
    'var _ = strings.TrimSpace',
    'var _ = json.Marshal',
    'var _ = slog.Info',
    'var _ context.Context',
    'var _ http.Handler',
  ] : [
    `package ${pkg}`,
    '',
    'import (',
    '\t"context"',
    '\t"database/sql"',
    '\t"errors"',
    '\t"fmt"',
    '\t"net/http"',
    '\t"time"',
    ')',
    '',
    'var _ = errors.New',
    'var _ = fmt.Sprintf',
    'var _ http.Handler',
    'var _ *sql.DB',
    'var _ = time.Now',
    'var _ context.Context',
  ];
  const block = (i: number): string[] => {
    const noun = pick(r, NOUNS);
    const verb = pick(r, VERBS);
    // Field names: camelCase in JSON, snake_case in SQL, exported Go names; CreatedAt is every struct's own.
    const fa = pick(r, FIELDS.filter((f) => f !== 'createdAt'));
    const fb = pick(r, FIELDS.filter((f) => f !== 'createdAt' && f !== fa));
    const a = cap(fa);
    const b = cap(fb);
    if (options.messaging && i % 20 === 9) {
      return [
        '',
        `// ${noun}BulkConfig${i} batches harder than the request path.`,
        `func ${noun}BulkConfig${i}() *sarama.Config {`,
        '\tconfig := sarama.NewConfig()',
        `\tconfig.Producer.RequiredAcks = sarama.${pick(r, ['NoResponse', 'WaitForLocal', 'WaitForAll'])}`,
        `\tconfig.Producer.Flush.Frequency = ${pick(r, [5, 50, 200])} * time.Millisecond`,
        '\treturn config',
        '}',
      ];
    }
    switch (i % 4) {
      case 0:
        return [
          '',
          `// ${cap(noun)}${i} is a ${noun} as the API returns it.`,
          `type ${cap(noun)}${i} struct {`,
          `\t${a.padEnd(9)} string    \`json:"${fa}" db:"${snake(fa)}"\``,
          `\t${b.padEnd(9)} int64     \`json:"${fb}" db:"${snake(fb)}"\``,
          '\tCreatedAt time.Time `json:"created_at"`',
          '}',
        ];
      case 1:
        return [
          '',
          `func ${verb}${cap(noun)}${i}(ctx context.Context, items []string) ([]string, error) {`,
          '\tif len(items) == 0 {',
          `\t\treturn nil, errors.New("${verb}: no ${noun}s")`,
          '\t}',
          '\tout := make([]string, 0, len(items))',
          '\tfor i, item := range items {',
          '\t\tif err := ctx.Err(); err != nil {',
          `\t\t\treturn nil, fmt.Errorf("${verb} ${noun} %d: %w", i, err)`,
          '\t\t}',
          `\t\tout = append(out, fmt.Sprintf("%s-%d", item, i*${int(r, 2, 9)}))`,
          '\t}',
          '\treturn out, nil',
          '}',
        ];
      case 2:
        return [
          '',
          `const ${noun}Query${i} = \`SELECT id, ${snake(fa)}, ${snake(fb)} FROM ${snake(noun)}s`,
          `WHERE ${snake(fa)} = $1 AND region = '${pick(r, REGIONS)}'`,
          'ORDER BY created_at DESC`',
        ];
      default:
        return [
          '',
          `func handle${cap(noun)}${cap(verb)}${i}(w http.ResponseWriter, r *http.Request) {`,
          '\tswitch r.Method {',
          '\tcase http.MethodGet:',
          `\t\tw.Header().Set("Content-Type", "application/json")`,
          `\t\tfmt.Fprintf(w, \`{"${fa}": %q}\`, r.URL.Query().Get("${kebab(fa)}"))`,
          '\tdefault:',
          '\t\thttp.Error(w, "method not allowed", http.StatusMethodNotAllowed)',
          '\t}',
          '}',
        ];
    }
  };
  return assemble(lines, header, [], block, '');
}

export function typescript(lines: number, seed = 7, options: CodeOptions = { messaging: true }): string {
  const r = rng(seed);
  const header = options.messaging ? [
    '// mq-lens: workload=online',
    "import { Kafka, CompressionTypes, logLevel, type Producer } from 'kafkajs';",
    "import amqp from 'amqplib';",
    "import { z } from 'zod';",
    "import type { Request, Response } from 'express';",
    '',
    "const brokers = (process.env.KAFKA_BROKERS ?? 'kafka-1:9092').split(',');",
    "const kafka = new Kafka({ clientId: 'checkout', brokers, logLevel: logLevel.WARN });",
    'export const producer: Producer = kafka.producer({ idempotent: false, maxInFlightRequests: 10 });',
    "export const consumer = kafka.consumer({ groupId: 'checkout' });",
    '',
    'export async function publishOrder(order: { id: string }): Promise<void> {',
    "  await producer.send({ topic: 'orders', acks: 1, compression: CompressionTypes.None, messages: [{ key: order.id, value: JSON.stringify(order) }] });",
    '}',
    '',
    'export async function startWorker(onMessage: (msg: amqp.ConsumeMessage | null) => void): Promise<void> {',
    "  const ch = await (await amqp.connect(process.env.AMQP_URL ?? 'amqp://rabbit.internal')).createChannel();",
    "  await ch.assertQueue('tasks', { durable: false });",
    "  await ch.consume('tasks', onMessage, { noAck: true });",
    '}',
  ] : [
    `import { ${pick(r, ['useState, useEffect', 'useMemo', 'useCallback'])} } from 'react';`,
    "import { z } from 'zod';",
    `import { ${pick(r, ['formatDate', 'formatMoney', 'slugify'])} } from '../lib/format';`,
    "import type { Request, Response } from 'express';",
  ];
  const block = (i: number): string[] => {
    const { noun, verb, a, b } = words(r);
    if (options.messaging && i % 25 === 12) {
      return [
        '',
        `/** Publishes ${noun} events on the bulk path. */`,
        `export async function publish${cap(noun)}s${i}(items: Array<{ id: string }>): Promise<void> {`,
        `  await producer.send({ topic: '${noun}.events', acks: ${pick(r, [0, 1, -1])}, messages: items.map((item) => ({ key: item.id, value: JSON.stringify(item) })) });`,
        '}',
      ];
    }
    switch (i % 4) {
      case 0:
        return [
          '',
          `export const ${cap(noun)}Schema${i} = z.object({`,
          `  ${a}: z.string().min(1),`,
          `  ${b}: z.number().int().nonnegative().optional(),`,
          `  region: z.enum([${REGIONS.slice(0, 3).map((x) => `'${x}'`).join(', ')}]),`,
          '});',
          `export type ${cap(noun)}${i} = z.infer<typeof ${cap(noun)}Schema${i}>;`,
        ];
      case 1:
        return [
          '',
          `export async function ${verb}${cap(noun)}${i}(req: Request, res: Response): Promise<void> {`,
          `  const ${a} = String(req.params.${a} ?? '');`,
          `  if (!/^[a-z0-9-]{1,64}$/i.test(${a})) {`,
          `    res.status(400).json({ error: \`invalid ${a}: \${${a}}\` });`,
          '    return;',
          '  }',
          `  const rows = await fetch(\`/internal/${noun}s/\${encodeURIComponent(${a})}?limit=${int(r, 10, 500)}\`).then((r) => r.json());`,
          `  res.json({ ${a}, count: rows.length, ${b}: rows.map((row: Record<string, unknown>) => row['${b}']) });`,
          '}',
        ];
      case 2:
        return [
          '',
          `export class ${cap(noun)}${cap(verb)}er${i} {`,
          `  private readonly cache = new Map<string, number>();`,
          '',
          `  constructor(private readonly limit = ${int(r, 10, 1000)}) {}`,
          '',
          `  ${verb}(key: string, value: number): number {`,
          '    // Keep the most recent entries only.',
          '    if (this.cache.size >= this.limit) this.cache.delete(this.cache.keys().next().value as string);',
          '    this.cache.set(key, value);',
          '    return this.cache.size;',
          '  }',
          '}',
        ];
      default:
        return [
          '',
          `export const ${noun}Labels${i}: Record<string, string> = {`,
          `  ${a}: '${cap(a)}',`,
          `  ${b}: '${cap(b)} (${pick(r, ['optional', 'required'])})',`,
          `  'created-at': 'Created at',`,
          '};',
        ];
    }
  };
  return assemble(lines, header, [], block, '');
}

/** The formats of the analysis benchmark: file name and generator. */
export const ANALYZE_FORMATS: ReadonlyArray<{ id: string; label: string; file: string; make: (lines: number) => string }> = [
  { id: 'properties', label: 'Java .properties (Kafka producer)', file: 'producer.properties', make: (n) => producerProperties(n) },
  { id: 'spring-yaml', label: 'Spring application.yml', file: 'application.yml', make: (n) => springApplicationYaml(n) },
  { id: 'compose', label: 'docker-compose.yml', file: 'docker-compose.yml', make: (n) => dockerCompose(n) },
  { id: 'python', label: 'Python', file: 'order_events.py', make: (n) => python(n) },
  { id: 'java', label: 'Java', file: 'OrderEventPublisher.java', make: (n) => java(n) },
  { id: 'go', label: 'Go', file: 'orders.go', make: (n) => go(n) },
  { id: 'typescript', label: 'JavaScript/TypeScript', file: 'checkout.ts', make: (n) => typescript(n) },
];

// ---------------------------------------------------------------------------------------------------------------
// The monorepo

export interface TreeStats {
  files: number;
  bytes: number;
  byKind: Record<string, number>;
}

/**
 * Writes a monorepo of about `targetFiles` files under `root`: Java/Spring services, Python packages, Go services,
 * TypeScript web packages, infrastructure, docs and assets. About 3% of the code imports a messaging client; a few
 * services carry Kafka configuration files, compose files and Spring YAML.
 */
export function writeMonorepo(root: string, targetFiles = 12000, seed = 42): TreeStats {
  const { r, stats, write, seedOf } = newTree(root, seed);
  const messaging = () => r() < 0.03;
  const codeLines = () => int(r, 40, 320);
  // Shares of the target: the loops below stop when their share is written.
  const unit = targetFiles / 12000;

  // Java services.
  const javaServices = Math.round(24 * unit);
  for (let s = 0; s < javaServices; s++) {
    const name = `${pick(r, NOUNS)}-service-${s}`;
    const base = `services/${name}`;
    const pkg = `com.acme.${snake(name).replace(/-/g, '')}`;
    const usesKafka = s % 3 === 0;
    write(`${base}/pom.xml`, pom(name, usesKafka), 'manifest');
    write(`${base}/README.md`, markdown(r, name, int(r, 20, 120)), 'docs');
    write(`${base}/Dockerfile`, 'FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app/app.jar\nENTRYPOINT ["java", "-jar", "/app/app.jar"]\n', 'other');
    if (usesKafka) write(`${base}/src/main/resources/application.yml`, springApplicationYaml(int(r, 60, 160), seedOf()), 'config');
    else write(`${base}/src/main/resources/application.properties`, `server.port=8080\nspring.application.name=${name}\nspring.datasource.url=jdbc:postgresql://db:5432/app\nmanagement.endpoints.web.exposure.include=health,info\n`, 'config');
    if (s % 6 === 0) write(`${base}/config/producer.properties`, producerProperties(int(r, 30, 80), seedOf()), 'config');
    for (let f = 0; f < 120; f++) {
      const cls = `${cap(pick(r, NOUNS))}${pick(r, ['Service', 'Controller', 'Repository', 'Mapper', 'Dto', 'Handler', 'Config'])}${f}`;
      const test = f % 4 === 3;
      const dir = test ? 'src/test/java' : 'src/main/java';
      write(`${base}/${dir}/${pkg.replace(/\./g, '/')}/${cls}${test ? 'Test' : ''}.java`, java(codeLines(), seedOf(), { messaging: usesKafka && messaging() }, `${cls}${test ? 'Test' : ''}`, pkg), 'code');
    }
    for (let f = 0; f < 6; f++) write(`${base}/src/main/resources/db/migration/V${f + 1}__${pick(r, NOUNS)}.sql`, sql(r), 'other');
  }

  // Python packages.
  const pythonPackages = Math.round(20 * unit);
  for (let s = 0; s < pythonPackages; s++) {
    const name = `${pick(r, NOUNS)}_${pick(r, ['api', 'worker', 'etl', 'jobs', 'tools'])}_${s}`;
    const base = `python/${name}`;
    const usesMq = s % 4 === 0;
    write(`${base}/pyproject.toml`, pyproject(name, usesMq), 'manifest');
    write(`${base}/requirements.txt`, requirements(usesMq), 'manifest');
    write(`${base}/README.md`, markdown(r, name, int(r, 20, 80)), 'docs');
    if (usesMq && s % 8 === 0) write(`${base}/.env`, 'KAFKA_BOOTSTRAP=kafka-1:9092\nAMQP_URL=amqp://guest:guest@rabbit.internal:5672/\nREDIS_URL=redis://cache:6379/0\n', 'config');
    for (let f = 0; f < 100; f++) {
      const test = f % 5 === 4;
      const module = `${pick(r, NOUNS)}_${pick(r, VERBS)}_${f}`;
      write(`${base}/${test ? 'tests/test_' : `src/${name}/`}${module}.py`, python(codeLines(), seedOf(), { messaging: usesMq && messaging() }), 'code');
    }
    write(`${base}/src/${name}/__init__.py`, '', 'code');
    for (let f = 0; f < 10; f++) write(`${base}/data/fixture_${f}.json`, json(r), 'other');
  }

  // Go services.
  const goServices = Math.round(16 * unit);
  for (let s = 0; s < goServices; s++) {
    const name = `${pick(r, NOUNS)}d-${s}`;
    const base = `go/${name}`;
    const usesKafka = s % 3 === 1;
    write(`${base}/go.mod`, gomod(name, usesKafka), 'manifest');
    write(`${base}/README.md`, markdown(r, name, int(r, 10, 60)), 'docs');
    write(`${base}/Makefile`, 'build:\n\tgo build ./...\n\ntest:\n\tgo test ./...\n', 'other');
    for (let f = 0; f < 110; f++) {
      const pkg = pick(r, ['api', 'store', 'domain', 'worker', 'platform', 'handlers']);
      const test = f % 4 === 3;
      write(`${base}/internal/${pkg}/${pick(r, NOUNS)}_${f}${test ? '_test' : ''}.go`, go(codeLines(), seedOf(), { messaging: usesKafka && messaging() }, pkg), 'code');
    }
    write(`${base}/api/${name}.proto`, proto(r, name), 'other');
  }

  // TypeScript web packages.
  const webPackages = Math.round(28 * unit);
  for (let s = 0; s < webPackages; s++) {
    const name = `${pick(r, NOUNS)}-${pick(r, ['ui', 'web', 'sdk', 'bff', 'admin'])}-${s}`;
    const base = `web/packages/${name}`;
    const usesMq = s % 5 === 2;
    write(`${base}/package.json`, packageJson(name, usesMq), 'manifest');
    write(`${base}/tsconfig.json`, '{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": { "outDir": "dist" },\n  "include": ["src"]\n}\n', 'other');
    write(`${base}/README.md`, markdown(r, name, int(r, 10, 60)), 'docs');
    for (let f = 0; f < 80; f++) {
      const test = f % 5 === 4;
      const ext = f % 3 === 0 ? 'tsx' : 'ts';
      write(`${base}/src/${pick(r, ['components', 'hooks', 'lib', 'api', 'pages'])}/${pick(r, NOUNS)}${cap(pick(r, VERBS))}${f}${test ? '.test' : ''}.${ext}`,
        typescript(codeLines(), seedOf(), { messaging: usesMq && messaging() }), 'code');
      if (f % 4 === 0) write(`${base}/src/styles/${pick(r, NOUNS)}${f}.css`, css(r), 'other');
    }
    for (let f = 0; f < 8; f++) write(`${base}/public/icons/${pick(r, NOUNS)}-${f}.svg`, svg(r), 'asset');
    for (let f = 0; f < 4; f++) write(`${base}/public/img/${pick(r, NOUNS)}-${f}.png`, png(r), 'asset');
  }

  // Infrastructure: compose files, Kubernetes manifests (most are not about messaging), Helm values, scripts.
  write('docker-compose.yml', dockerCompose(220, seedOf()), 'config');
  write('deploy/compose/docker-compose.ci.yml', dockerCompose(90, seedOf()), 'config');
  for (let f = 0; f < Math.round(500 * unit); f++) write(`deploy/k8s/${pick(r, NOUNS)}-${f}.yaml`, k8s(r, f), 'config');
  for (let f = 0; f < Math.round(60 * unit); f++) write(`deploy/helm/values-${pick(r, NOUNS)}-${f}.yaml`, `replicaCount: ${int(r, 1, 6)}\nimage:\n  tag: "${int(r, 1, 9)}.${int(r, 0, 20)}.0"\nresources:\n  limits:\n    memory: ${pick(r, [256, 512])}Mi\n`, 'config');
  for (let f = 0; f < Math.round(80 * unit); f++) write(`scripts/${pick(r, VERBS)}-${pick(r, NOUNS)}-${f}.sh`, `#!/usr/bin/env bash\nset -euo pipefail\n# ${cap(pick(r, VERBS))}s ${pick(r, NOUNS)}s\nexec "$(dirname "$0")/run.sh" "$@"\n`, 'other');
  write('config/kafka/consumer.properties', 'bootstrap.servers=kafka-1:9092\ngroup.id=analytics\nenable.auto.commit=true\nauto.offset.reset=latest\n', 'config');
  write('config/kafka/server.properties', 'broker.id=1\nlog.dirs=/tmp/kafka-logs\nmin.insync.replicas=1\ndefault.replication.factor=1\nunclean.leader.election.enable=true\n', 'config');
  write('config/rabbitmq/rabbitmq.conf', 'listeners.tcp.default = 5672\nvm_memory_high_watermark.relative = 0.6\n', 'config');

  // Documentation until the target is reached.
  let d = 0;
  while (stats.files < targetFiles) write(`docs/${pick(r, ['adr', 'guides', 'runbooks', 'api'])}/${pick(r, NOUNS)}-${d++}.md`, markdown(r, pick(r, NOUNS), int(r, 20, 200)), 'docs');
  return stats;
}

function pom(name: string, kafka: boolean): string {
  const dependency = (g: string, a: string, v?: string) => `    <dependency>\n      <groupId>${g}</groupId>\n      <artifactId>${a}</artifactId>\n${v ? `      <version>${v}</version>\n` : ''}    </dependency>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '  <modelVersion>4.0.0</modelVersion>',
    '  <groupId>com.acme</groupId>',
    `  <artifactId>${name}</artifactId>`,
    '  <version>1.0.0-SNAPSHOT</version>',
    '  <dependencies>',
    dependency('org.springframework.boot', 'spring-boot-starter-web'),
    dependency('org.springframework.boot', 'spring-boot-starter-data-jpa'),
    dependency('org.postgresql', 'postgresql', '42.7.4'),
    ...(kafka ? [dependency('org.springframework.kafka', 'spring-kafka'), dependency('org.apache.kafka', 'kafka-clients', '3.8.0')] : []),
    dependency('org.junit.jupiter', 'junit-jupiter', '5.11.0'),
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');
}

function pyproject(name: string, mq: boolean): string {
  return `[project]\nname = "${name.replace(/_/g, '-')}"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = [\n  "fastapi>=0.110",\n  "sqlalchemy>=2.0",\n  "pydantic>=2.6",\n${mq ? '  "confluent-kafka>=2.4",\n  "pika>=1.3",\n  "celery[redis]>=5.3",\n' : ''}]\n\n[tool.pytest.ini_options]\naddopts = "-q"\n`;
}

function requirements(mq: boolean): string {
  return `fastapi==0.115.0\nuvicorn[standard]==0.30.6\nsqlalchemy==2.0.35\nrequests==2.32.3\n${mq ? 'confluent-kafka==2.5.3\npika==1.3.2\n' : ''}pytest==8.3.3  # tests\n`;
}

function gomod(name: string, kafka: boolean): string {
  return `module github.com/acme/${name}\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.1.0\n\tgithub.com/jackc/pgx/v5 v5.7.1\n${kafka ? '\tgithub.com/IBM/sarama v1.43.3\n\tgithub.com/segmentio/kafka-go v0.4.47\n' : ''})\n`;
}

function packageJson(name: string, mq: boolean): string {
  const dependencies: Record<string, string> = { react: '^18.3.1', zod: '^3.23.8', express: '^4.21.0' };
  if (mq) Object.assign(dependencies, { kafkajs: '^2.2.4', amqplib: '^0.10.4' });
  return `${JSON.stringify({ name: `@acme/${name}`, version: '1.0.0', private: true, scripts: { build: 'tsc -p .', test: 'vitest run' }, dependencies, devDependencies: { typescript: '^5.6.2', vitest: '^2.1.1' } }, null, 2)}\n`;
}

function markdown(r: Rng, title: string, lines: number): string {
  const out = [`# ${cap(title)}`, ''];
  while (out.length < lines) {
    const noun = pick(r, NOUNS);
    if (r() < 0.1) out.push(`## ${cap(pick(r, VERBS))} ${noun}s`, '');
    else if (r() < 0.1) out.push('```bash', `make ${pick(r, VERBS)} ${noun.toUpperCase()}=1`, '```', '');
    else out.push(`The ${noun} ${pick(r, ['service', 'worker', 'job', 'table'])} ${pick(r, VERBS)}s each ${pick(r, NOUNS)} before it ${pick(r, VERBS)}s the ${pick(r, NOUNS)}; see [${noun}](../${noun}.md) for the ${pick(r, FIELDS)} rules.`);
  }
  return `${out.join('\n')}\n`;
}

function sql(r: Rng): string {
  const t = snake(pick(r, NOUNS));
  return `CREATE TABLE IF NOT EXISTS ${t}s (\n  id BIGSERIAL PRIMARY KEY,\n  ${snake(pick(r, FIELDS))} TEXT NOT NULL,\n  amount NUMERIC(12, 2),\n  created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\nCREATE INDEX IF NOT EXISTS ${t}s_created_at ON ${t}s (created_at);\n`;
}

function proto(r: Rng, name: string): string {
  const noun = cap(pick(r, NOUNS));
  return `syntax = "proto3";\npackage acme.${snake(name).replace(/-/g, '_')};\n\nmessage ${noun} {\n  string id = 1;\n  int64 amount = 2;\n}\n\nservice ${noun}Service {\n  rpc Get${noun}(${noun}) returns (${noun});\n}\n`;
}

function json(r: Rng): string {
  const rows = Array.from({ length: int(r, 5, 40) }, (_, i) => ({ id: i, [pick(r, FIELDS)]: pick(r, NOUNS), amount: int(r, 1, 9999) }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function css(r: Rng): string {
  const noun = pick(r, NOUNS);
  return `.${noun} {\n  display: flex;\n  gap: ${int(r, 2, 24)}px;\n  color: var(--fg);\n}\n.${noun}__title {\n  font-weight: 600;\n}\n`;
}

function svg(r: Rng): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M${int(r, 1, 9)} ${int(r, 1, 9)}h${int(r, 4, 12)}v${int(r, 4, 12)}H${int(r, 1, 9)}z"/></svg>\n`;
}

function png(r: Rng): Buffer {
  // A PNG signature followed by noise: binary, with NUL bytes, as real images are.
  const size = int(r, 2000, 30000);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.floor(r() * 256);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).copy(bytes);
  return bytes;
}

function k8s(r: Rng, f: number): string {
  const noun = pick(r, NOUNS);
  if (f % 50 === 7) {
    return `apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: ${noun}-events\n  labels:\n    strimzi.io/cluster: main\nspec:\n  partitions: 12\n  replicas: ${pick(r, [1, 3])}\n  config:\n    min.insync.replicas: ${pick(r, [1, 2])}\n    retention.ms: 604800000\n`;
  }
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${noun}-${f}\n  labels:\n    app: ${noun}\nspec:\n  replicas: ${int(r, 1, 6)}\n  selector:\n    matchLabels:\n      app: ${noun}\n  template:\n    metadata:\n      labels:\n        app: ${noun}\n    spec:\n      containers:\n        - name: ${noun}\n          image: registry.acme.internal/${noun}:${int(r, 1, 9)}.${int(r, 0, 20)}.0\n          ports:\n            - containerPort: 8080\n          env:\n            - name: LOG_LEVEL\n              value: info\n          resources:\n            limits:\n              cpu: 500m\n              memory: 512Mi\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${noun}-${f}\nspec:\n  selector:\n    app: ${noun}\n  ports:\n    - port: 80\n      targetPort: 8080\n`;
}

/**
 * The editor benchmark's workspace: a 2,000-line producer.properties whose line 1,201 is `linger.ms=5` (the line the
 * benchmark edits), next to a few other files a service would have.
 */
export function writeEditorWorkspace(root: string): { file: string; lines: number; editedLine: number } {
  const lines = producerProperties(2000, 11).split('\n');
  const editedLine = 1201;
  lines[editedLine - 1] = 'linger.ms=5';
  const files: Record<string, string> = {
    'producer.properties': lines.join('\n'),
    'src/main/resources/application.yml': springApplicationYaml(200, 12),
    'docker-compose.yml': dockerCompose(120, 13),
    'orders/order_events.py': python(300, 14),
    'orders/OrderEventPublisher.java': java(300, 15),
    'web/src/checkout.ts': typescript(200, 16),
    'web/package.json': '{\n  "name": "web",\n  "private": true,\n  "dependencies": { "kafkajs": "^2.2.4", "amqplib": "^0.10.4" }\n}\n',
    'README.md': '# Checkout\n\nThe editor benchmark workspace.\n',
  };
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), content);
  }
  return { file: 'producer.properties', lines: 2000, editedLine };
}

// ---------------------------------------------------------------------------------------------------------------
// More layouts for the scan benchmark (issue 14): many small files, a client library's own repository, and a
// Kubernetes operator with vendored dependencies. Shapes taken from real repositories (their file counts, folders
// and kinds of files), written from these generators; no real file is copied.

/** What every layout generator starts with: its random numbers, its totals, and a writer that keeps them. */
function newTree(root: string, seed: number) {
  const r = rng(seed);
  const stats: TreeStats = { files: 0, bytes: 0, byKind: {} };
  const write = (relative: string, content: string | Buffer, kind: string) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    stats.files++;
    stats.bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
  };
  return { r, stats, write, seedOf: () => Math.floor(r() * 1e9) };
}

/**
 * About `targetFiles` small source files (20 to 80 lines) in many packages, in Java, Python, Go and TypeScript, one
 * in twenty importing a messaging client, and 60 producer configuration files: a tree where per-file costs (opening,
 * reading, deciding) dominate.
 */
export function writeSmallFiles(root: string, targetFiles = 6000, seed = 7): TreeStats {
  const { r, stats, write, seedOf } = newTree(root, seed);
  for (let p = 0; p < 60; p++) write(`config/producers/${pick(r, NOUNS)}-${p}.properties`, producerProperties(int(r, 12, 40), seedOf()), 'config');
  let f = 0;
  while (stats.files < targetFiles) {
    const messaging = f % 20 === 7;
    const lines = messaging ? int(r, 60, 110) : int(r, 20, 80);
    const noun = pick(r, NOUNS);
    const pkg = `${pick(r, ['core', 'api', 'jobs', 'web', 'admin', 'billing', 'search'])}${f % 40}`;
    switch (f % 4) {
      case 0: write(`java/src/main/java/com/acme/${pkg}/${cap(noun)}${f}.java`, java(lines, seedOf(), { messaging }, `${cap(noun)}${f}`, `com.acme.${pkg}`), 'code'); break;
      case 1: write(`python/${pkg}/${noun}_${f}.py`, python(lines, seedOf(), { messaging }), 'code'); break;
      case 2: write(`go/${pkg}/${noun}_${f}.go`, go(lines, seedOf(), { messaging }, pkg), 'code'); break;
      default: write(`web/src/${pkg}/${noun}${f}.ts`, typescript(lines, seedOf(), { messaging }), 'code');
    }
    f++;
  }
  return stats;
}

/** Library-internal Java that uses the Kafka client API throughout: listeners, templates, error handlers, tests. */
function javaClientLibrary(r: Rng, lines: number, cls: string, pkg: string, test: boolean): string {
  const header = [
    '/*', ' * Copyright the original authors.', ' * Licensed under the Apache License, Version 2.0.', ' */', '',
    `package ${pkg};`, '',
    'import java.time.Duration;', 'import java.util.Collection;', 'import java.util.HashMap;', 'import java.util.List;', 'import java.util.Map;',
    'import org.apache.kafka.clients.consumer.Consumer;', 'import org.apache.kafka.clients.consumer.ConsumerRecord;',
    'import org.apache.kafka.clients.consumer.ConsumerRecords;', 'import org.apache.kafka.clients.consumer.OffsetAndMetadata;',
    'import org.apache.kafka.clients.producer.Producer;', 'import org.apache.kafka.clients.producer.ProducerRecord;',
    'import org.apache.kafka.common.TopicPartition;', 'import org.apache.commons.logging.LogFactory;',
    ...(test ? ['import org.junit.jupiter.api.Test;', 'import static org.assertj.core.api.Assertions.assertThat;'] : []),
    '',
    '/**', ` * ${cap(pick(r, VERBS))}s ${pick(r, NOUNS)} records for the listener container.`, ' *', ' * @param <K> the key type', ' * @param <V> the value type', ' */',
    `public class ${cls}<K, V> {`, '',
    `\tprivate static final org.apache.commons.logging.Log logger = LogFactory.getLog(${cls}.class);`, '',
    '\tprivate final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();', '',
  ];
  const block = (i: number): string[] => {
    const { noun, verb } = words(r);
    const method = `${verb}${cap(noun)}${i}`;
    switch (i % 5) {
      case 0: return [
        '\t/**', `\t * ${cap(verb)} the ${noun} records of one poll.`, '\t * @param records the records', '\t */',
        `\tpublic void ${method}(Consumer<K, V> consumer, ConsumerRecords<K, V> records) {`,
        '\t\tfor (ConsumerRecord<K, V> record : records) {', '\t\t\ttry {', `\t\t\t\tinvoke${cap(noun)}(record);`,
        '\t\t\t\tthis.offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));',
        '\t\t\t}', '\t\t\tcatch (RuntimeException ex) {', `\t\t\t\tlogger.error("Failed to ${verb} " + record, ex);`, '\t\t\t\tthrow ex;', '\t\t\t}', '\t\t}',
        '\t\tconsumer.commitSync(this.offsets, Duration.ofSeconds(60));', '\t\tthis.offsets.clear();', '\t}', ''];
      case 1: return [
        `\tpublic void ${method}(Producer<K, V> producer, String topic, K key, V value) {`,
        '\t\tProducerRecord<K, V> record = new ProducerRecord<>(topic, key, value);',
        '\t\tproducer.send(record, (metadata, exception) -> {', '\t\t\tif (exception != null) {',
        `\t\t\t\tlogger.warn("Send of ${noun} failed", exception);`, '\t\t\t}', '\t\t});', '\t}', ''];
      case 2: return [
        `\tprotected Map<String, Object> ${method}Properties(Map<String, Object> overrides) {`,
        '\t\tMap<String, Object> props = new HashMap<>(overrides);',
        `\t\tprops.putIfAbsent("${pick(r, ['client.id', 'group.instance.id', 'transactional.id'])}", "${noun}-" + ${i});`,
        '\t\treturn props;', '\t}', ''];
      case 3: return [
        `\tprivate void invoke${cap(noun)}(ConsumerRecord<K, V> record) {`,
        '\t\tif (record.value() == null) {', `\t\t\tlogger.debug("Tombstone for ${noun}");`, '\t\t\treturn;', '\t\t}',
        `\t\tCollection<String> ${noun}s = List.of(String.valueOf(record.key()), String.valueOf(record.value()));`,
        `\t\t${noun}s.forEach(logger::trace);`, '\t}', ''];
      default: return test ? [
        '\t@Test', `\tvoid ${method}Works() {`, `\t\tMap<String, Object> props = ${method}Seed();`,
        '\t\tassertThat(props).isNotNull();', '\t}', '', `\tprivate static Map<String, Object> ${method}Seed() {`, '\t\treturn new HashMap<>();', '\t}', '']
        : [`\t@Override`, '\tpublic String toString() {', `\t\treturn "${cls}[" + this.offsets + "]";`, '\t}', ''];
    }
  };
  return assemble(lines, header, ['}'], block, '');
}

/**
 * A messaging client library's own repository (the shape of a framework's Kafka support): hundreds of Java files that
 * all import the client API, their tests, test resources, samples with Spring configuration, a Gradle build with its
 * wrapper, an AsciiDoc reference and a documentation site whose dependencies are installed in node_modules.
 */
export function writeClientLibrary(root: string, seed = 11): TreeStats {
  const { r, stats, write, seedOf } = newTree(root, seed);
  write('build.gradle', "plugins {\n\tid 'java-library'\n}\n\ndependencies {\n\tapi 'org.apache.kafka:kafka-clients:4.1.0'\n\tapi 'org.springframework:spring-messaging:6.2.0'\n\ttestImplementation 'org.junit.jupiter:junit-jupiter:5.11.0'\n}\n", 'manifest');
  write('settings.gradle', "rootProject.name = 'acme-kafka'\ninclude 'acme-kafka', 'acme-kafka-test', 'acme-kafka-docs'\n", 'manifest');
  write('gradle/wrapper/gradle-wrapper.properties', 'distributionBase=GRADLE_USER_HOME\ndistributionPath=wrapper/dists\ndistributionUrl=https\\://services.gradle.org/distributions/gradle-8.10-bin.zip\nnetworkTimeout=10000\nzipStoreBase=GRADLE_USER_HOME\nzipStorePath=wrapper/dists\n', 'config');
  write('gradle.properties', 'version=4.0.0-SNAPSHOT\norg.gradle.jvmargs=-Xmx2g\norg.gradle.caching=true\n', 'config');
  const areas = ['listener', 'core', 'support', 'config', 'annotation', 'requestreply', 'transaction', 'retrytopic', 'event', 'security'];
  for (let f = 0; f < 450; f++) {
    const area = areas[f % areas.length]!;
    const cls = `${cap(pick(r, NOUNS))}${pick(r, ['Container', 'Template', 'Handler', 'Factory', 'Adapter', 'Resolver', 'Registry', 'Support'])}${f}`;
    write(`acme-kafka/src/main/java/org/acme/kafka/${area}/${cls}.java`, javaClientLibrary(r, int(r, 40, 420), cls, `org.acme.kafka.${area}`, false), 'code');
  }
  for (let f = 0; f < 260; f++) {
    const area = areas[f % areas.length]!;
    const cls = `${cap(pick(r, NOUNS))}${pick(r, ['Tests', 'IntegrationTests'])}${f}`;
    write(`acme-kafka/src/test/java/org/acme/kafka/${area}/${cls}.java`, javaClientLibrary(r, int(r, 40, 360), cls, `org.acme.kafka.${area}`, true), 'code');
  }
  for (let f = 0; f < 24; f++) write(`acme-kafka/src/test/resources/${pick(r, NOUNS)}-${f}.properties`, `bootstrap.servers=localhost:9092\ngroup.id=test-${f}\nauto.offset.reset=earliest\nenable.auto.commit=false\n`, 'config');
  for (let s = 0; s < 10; s++) {
    const base = `samples/sample-${pad(s + 1, 2)}`;
    write(`${base}/build.gradle`, "dependencies {\n\timplementation project(':acme-kafka')\n\timplementation 'org.springframework.boot:spring-boot-starter'\n}\n", 'manifest');
    write(`${base}/src/main/resources/application.yml`, springApplicationYaml(int(r, 20, 60), seedOf()), 'config');
    for (let f = 0; f < 6; f++) write(`${base}/src/main/java/com/example/${cap(pick(r, NOUNS))}${f}.java`, java(int(r, 60, 160), seedOf(), { messaging: f < 2 }, `${cap(pick(r, NOUNS))}${f}`, 'com.example'), 'code');
  }
  for (let d = 0; d < 180; d++) write(`acme-kafka-docs/src/main/antora/modules/ROOT/pages/${pick(r, areas)}/${pick(r, NOUNS)}-${d}.adoc`, markdown(r, pick(r, NOUNS), int(r, 30, 300)).replace(/^#/gm, '='), 'docs');
  // The documentation site's installed dependencies: vendored JavaScript, skipped by MQ Lens and ripgrep alike.
  write('website/package.json', packageJson('website', false), 'manifest');
  for (let m = 0; m < 300; m++) write(`website/node_modules/${pick(r, NOUNS)}-lib-${m}/index.js`, typescript(int(r, 20, 120), seedOf(), { messaging: false }), 'vendored');
  return stats;
}

/** A CustomResourceDefinition's OpenAPI schema: long, deeply nested, no messaging settings. */
function crd(r: Rng, kind: string, properties: number): string {
  const out = ['apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata:', `  name: ${kind.toLowerCase()}s.acme.io`, 'spec:',
    '  group: acme.io', '  names:', `    kind: ${kind}`, `    plural: ${kind.toLowerCase()}s`, '  scope: Namespaced', '  versions:', '    - name: v1beta1',
    '      served: true', '      storage: true', '      schema:', '        openAPIV3Schema:', '          type: object', '          properties:', '            spec:',
    '              type: object', '              properties:'];
  for (let p = 0; p < properties; p++) {
    const field = `${pick(r, FIELDS)}${p}`;
    out.push(`                ${field}:`, `                  description: The ${pick(r, NOUNS)} ${pick(r, FIELDS)} the operator ${pick(r, VERBS)}s.`,
      `                  type: ${pick(r, ['string', 'integer', 'boolean'])}`);
    if (p % 7 === 0) out.push('                  x-kubernetes-validations:', `                    - rule: self.${field} != ''`, '                      message: must not be empty');
  }
  return `${out.join('\n')}\n`;
}

/**
 * A Kubernetes operator's repository (Go): controllers, API types, CRDs, Helm templates (which do not parse as YAML
 * before rendering), samples including broker resources, end-to-end tests with YAML test data, workflows, scripts,
 * docs, and Go dependencies vendored under vendor/ (with vendor/modules.txt, so MQ Lens leaves them out).
 */
export function writeOperator(root: string, seed = 13): TreeStats {
  const { r, stats, write, seedOf } = newTree(root, seed);
  write('go.mod', 'module github.com/acme/broker-operator\n\ngo 1.23\n\nrequire (\n\tgithub.com/IBM/sarama v1.45.0\n\tk8s.io/apimachinery v0.31.0\n\tsigs.k8s.io/controller-runtime v0.19.0\n)\n', 'manifest');
  write('Dockerfile', 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /manager ./cmd\n\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /manager /manager\nENTRYPOINT ["/manager"]\n', 'other');
  write('Makefile', 'build:\n\tgo build ./...\n\ntest:\n\tgo test ./...\n', 'other');
  for (let f = 0; f < 160; f++) write(`internal/controller/${pick(r, NOUNS)}_${f}.go`, go(int(r, 60, 400), seedOf(), { messaging: f % 10 === 3 }, 'controller'), 'code');
  for (let f = 0; f < 40; f++) write(`api/v1beta1/${pick(r, NOUNS)}_${f}_types.go`, go(int(r, 40, 200), seedOf(), { messaging: false }, 'v1beta1'), 'code');
  for (let f = 0; f < 24; f++) write(`config/crd/bases/acme.io_${pick(r, NOUNS)}${f}s.yaml`, crd(r, `${cap(pick(r, NOUNS))}${f}`, int(r, 80, 500)), 'config');
  for (let f = 0; f < 30; f++) {
    const broker = f % 5 === 0;
    write(`config/samples/${pick(r, NOUNS)}-${f}.yaml`, broker
      ? `apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: ${pick(r, NOUNS)}-events\n  labels:\n    strimzi.io/cluster: main\nspec:\n  partitions: 6\n  replicas: ${pick(r, [1, 3])}\n  config:\n    min.insync.replicas: ${pick(r, [1, 2])}\n`
      : k8s(r, f * 50 + 1), 'config');
  }
  write('charts/broker-operator/values.yaml', `replicaCount: 1\nimage:\n  repository: ghcr.io/acme/broker-operator\n  tag: ""\nkafka:\n  image:\n    repository: apache/kafka\n    tag: "4.1.0"\n`, 'config');
  for (let f = 0; f < 60; f++) {
    const noun = pick(r, NOUNS);
    write(`charts/broker-operator/templates/${noun}-${f}.yaml`, `{{- if .Values.${noun}.enabled }}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "operator.fullname" . }}-${noun}\n  labels:\n    {{- include "operator.labels" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: ${noun}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"\n          {{- with .Values.resources }}\n          resources:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n{{- end }}\n`, 'config');
  }
  for (let f = 0; f < 90; f++) write(`test/e2e/${pick(r, NOUNS)}_${f}_test.go`, go(int(r, 60, 300), seedOf(), { messaging: f % 15 === 4 }, 'e2e'), 'code');
  for (let f = 0; f < 220; f++) write(`test/e2e/testdata/${pick(r, NOUNS)}-${f}.yaml`, k8s(r, f), 'config');
  for (let f = 0; f < 14; f++) write(`.github/workflows/${pick(r, VERBS)}-${f}.yml`, `name: ${pick(r, VERBS)}\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n`, 'config');
  for (let f = 0; f < 30; f++) write(`hack/${pick(r, VERBS)}-${f}.sh`, `#!/usr/bin/env bash\nset -euo pipefail\ngo run ./hack/${pick(r, NOUNS)}\n`, 'other');
  for (let d = 0; d < 260; d++) write(`docs/${pick(r, ['guides', 'reference', 'operations'])}/${pick(r, NOUNS)}-${d}.md`, markdown(r, pick(r, NOUNS), int(r, 20, 200)), 'docs');
  // Vendored Go modules, a Kafka client among them: third-party code that MQ Lens leaves out.
  write('vendor/modules.txt', '# github.com/IBM/sarama v1.45.0\n## explicit; go 1.21\ngithub.com/IBM/sarama\n# sigs.k8s.io/controller-runtime v0.19.0\n## explicit; go 1.22\n', 'vendored');
  for (let f = 0; f < 160; f++) write(`vendor/github.com/IBM/sarama/${pick(r, NOUNS)}_${f}.go`, go(int(r, 80, 600), seedOf(), { messaging: f % 3 === 0 }, 'sarama'), 'vendored');
  for (let f = 0; f < 900; f++) write(`vendor/k8s.io/${pick(r, ['api', 'apimachinery', 'client-go'])}/${pick(r, NOUNS)}/${pick(r, VERBS)}_${f}.go`, go(int(r, 40, 400), seedOf(), { messaging: false }, 'k8s'), 'vendored');
  return stats;
}
