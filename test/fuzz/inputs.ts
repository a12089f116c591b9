// Generated hostile inputs for every format MQ Lens reads, and the invariants every analysis must keep on them (issue
// 13): no exception escapes, every span stays inside the document, every fix edits inside it, every line exists.
// Used by test/unit/fuzz.test.ts (a fixed-seed slice in `npm test`) and test/fuzz/run.ts (`npm run fuzz`, 100,000
// inputs per format with a fresh seed).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeText } from '../../src/core/analyze';
import { bundledClientIndex, bundledKeyIndex } from '../../src/core/bundledKnowledge';
import { detectText } from '../../src/core/detect/detect';

/** Pieces every format can meet: line ends of all kinds, indentation, quotes, escapes, a BOM, unusual code points. */
const COMMON = ['\n', '\r\n', '\r', ' ', '  ', '\t', '"', "'", '`', '\\', '\uFEFF', 'é', '中', '\u{1F600}', '\u0000', '\u2028', '#', '//', '/*', '*/', '=', ':', ',', '{', '}', '[', ']', '(', ')', ';', '-', '|', '>', '&a', '*a', '!!str', '${X}', '{{ .Values.x }}'];

interface Family {
  /** File names the analysis is run under (the name decides the format). */
  files: string[];
  /** One generated line of the format (without its line end). */
  line: fc.Arbitrary<string>;
  /** A whole text of the format, when lines alone rarely make one (YAML's nesting, code's imports). */
  text?: fc.Arbitrary<string>;
}

const noise = fc.oneof(fc.constantFrom(...COMMON), fc.string({ maxLength: 12 }));
/** Usually the well-formed line, sometimes noise around it or instead of it. */
const roughly = (line: fc.Arbitrary<string>) => fc.oneof(
  { weight: 6, arbitrary: line },
  { weight: 2, arbitrary: fc.tuple(line, noise).map(([l, n]) => l + n) },
  { weight: 1, arbitrary: fc.tuple(noise, line).map(([n, l]) => n + l) },
  { weight: 1, arbitrary: fc.array(noise, { maxLength: 5 }).map((parts) => parts.join('')) },
);
const indent = fc.constantFrom('', '', '', ' ', '  ', '    ', '      ', '\t');
const VALUES = ['100', '0', '-1', '1', 'all', 'none', 'true', 'false', 'no', 'latest', 'PLAINTEXT', '"1"', "'0'", '${ACKS:1}', 'amqp://u:p@h/', 'redis://h:6379/0', 'kafka:9092', '', ' ', '中', '\\'];

/** A line of code in any of the languages read: imports, handlers, settles, publishes, settings, broken strings. */
const CODE_LINE = roughly(fc.tuple(indent, fc.constantFrom('import pika', 'from confluent_kafka import Producer', 'import org.apache.kafka.clients.producer.KafkaProducer;', 'import "github.com/IBM/sarama"', 'import (', ')', "import { Kafka } from 'kafkajs';", "const amqp = require('amqplib');", 'using RabbitMQ.Client;', 'use rdkafka::producer::FutureProducer;', 'def f(ch, method, props, body):', 'try:', 'except Exception:', 'except (A, B) as e:', 'finally:', 'try {', '} catch (Exception e) {', '} catch (e) {', '}', 'if err != nil {', 'return', 'return err', 'raise', 'throw e;', 'log.error("x")', 'ch.basic_ack(delivery_tag=method.delivery_tag)', 'ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)', 'channel.basicNack(tag, false, false);', 'channel.basicPublish("", "q", null, body);', 'producer.produce("t", v)', 'producer.send(record);', 'await producer.send({ topic, messages })', 'consumer.commitSync();', 'consumer.commit()', 'props.put("linger.ms", 100);', 'props.put(ProducerConfig.ACKS_CONFIG, "1");', "conf = {'acks': '1', 'enable.idempotence': False}", 'auto_ack=True', 'channel.basic_consume(queue="q", on_message_callback=f, auto_ack=True)', 'ch.Consume(q.Name, "", true, false, false, false, nil)', 'async def g():', 'func h(d amqp.Delivery) {', 'd.Ack(false)', 'fn k() {', 'x => {', 'r"""', '"""', "'''", '`${x}`', 'end'))
      .map(([i, s]) => i + s));
const YAML_SHAPES = [
  'spring:\n  kafka:\n    bootstrap-servers: {v}\n    producer:\n      acks: {v}\n      retries: {v}\n      properties:\n        linger.ms: {v}\n        enable.idempotence: {v}\n    consumer:\n      enable-auto-commit: {v}\n      auto-offset-reset: {v}\n  rabbitmq:\n    listener:\n      simple:\n        acknowledge-mode: {v}\n        default-requeue-rejected: {v}\n    template:\n      mandatory: {v}\n    publisher-confirm-type: {v}',
  'services:\n  kafka:\n    image: {v}\n    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: {v}\n      KAFKA_DEFAULT_REPLICATION_FACTOR: {v}\n      KAFKA_AUTO_CREATE_TOPICS_ENABLE: {v}\n  app:\n    image: acme/app\n    environment:\n      - KAFKA_ACKS={v}\n      - SPRING_KAFKA_PRODUCER_ACKS={v}\n  rabbit:\n    image: {v}\n    command: rabbitmq-server {v}',
  'apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: main\nspec:\n  kafka:\n    replicas: {v}\n    config:\n      min.insync.replicas: {v}\n      default.replication.factor: {v}\n      unclean.leader.election.enable: {v}\n---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nspec:\n  replicas: {v}\n  config:\n    retention.ms: {v}',
  'broker:\n  configData:\n    journalSyncData: {v}\n    managedLedgerDefaultAckQuorum: {v}\nbookkeeper:\n  configData:\n    journalSyncData: {v}\nimage:\n  repository: {v}\n  tag: {v}',
];
const LINE_END = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '');

export const FAMILIES: Record<string, Family> = {
  properties: {
    files: ['producer.properties', 'application.properties', 'rabbitmq.conf', 'redis.conf', 'broker.conf', 'nats.conf', '.env'],
    line: roughly(fc.oneof(
      fc.tuple(indent, fc.constantFrom('linger.ms', 'acks', 'retries', 'enable.idempotence', 'bootstrap.servers', 'spring.kafka.producer.acks', 'spring.rabbitmq.listener.simple.acknowledge-mode', 'queue_master_locator', 'appendonly', 'protected-mode', 'jetstream', 'max_payload', 'KAFKA_ACKS', 'min.insync.replicas', 'auto.offset.reset'), fc.constantFrom('=', ' = ', ':', ' ', '\t'), fc.constantFrom(...VALUES))
        .map(([i, k, s, v]) => i + k + s + v),
      fc.constantFrom('# mq-lens: workload=online', '# mq-lens: ignore', '! comment', '# comment \\', 'a=b\\', 'jetstream {', '}', 'listeners.tcp.default = 5672'),
    )),
  },
  yaml: {
    files: ['application.yml', 'docker-compose.yml', 'values.yaml', 'kafka.yaml', 'definitions.yaml'],
    line: roughly(fc.oneof(
      fc.tuple(indent, fc.constantFrom('spring', 'kafka', 'producer', 'consumer', 'rabbitmq', 'listener', 'simple', 'acks', 'linger-ms', 'properties', 'services', 'kafka', 'image', 'environment', 'KAFKA_MIN_INSYNC_REPLICAS', 'KAFKA_ACKS', 'apiVersion', 'kind', 'spec', 'config', 'configData', 'broker', 'journalSyncData', 'replicas', 'min.insync.replicas', 'acknowledge-mode', '"quoted key"', '? complex'), fc.constantFrom(':', ': ', ':  '), fc.constantFrom(...VALUES, 'bitnami/kafka:3.7', 'apache/kafka:4.1.0', 'rabbitmq:4', 'kafka.strimzi.io/v1beta2', 'KafkaTopic', '|', '>-', '&a', '*a', '!!str 1', '{ a: 1 }', '[1, 2]', '{{ .Values.x }}'))
        .map(([i, k, c, v]) => i + k + c + v),
      fc.tuple(indent, fc.constantFrom('- KAFKA_ACKS=1', '- "KAFKA_LINGER_MS=100"', '- kafka', '- name: x', '- ')).map(([i, item]) => i + item),
      fc.constantFrom('---', '...', '<<: *a', 'x-common: &a', '# mq-lens: workload=online', '%YAML 1.2'),
    )),
    // Real shapes (Spring, compose, Strimzi, a Pulsar chart) with their values drawn at random, and some lines
    // swapped for noise or moved to another indentation.
    text: fc.tuple(
      fc.constantFrom(...YAML_SHAPES),
      fc.array(fc.constantFrom(...VALUES, 'bitnami/kafka:3.7', 'confluentinc/cp-kafka:7.6.0', 'rabbitmq:4', 'apache/kafka:4.1.0'), { minLength: 12, maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(40), fc.oneof(noise, fc.constantFrom('  ', '    ', '\t', '- ', '? '))), { maxLength: 4 }),
    ).map(([shape, values, edits]) => {
      const lines = shape.replace(/\{v\}/g, () => values.shift() ?? '1').split('\n');
      for (const [at, edit] of edits) {
        const i = at % lines.length;
        lines[i] = /^\s+$|^- $|^\? $/.test(edit) ? edit + lines[i]!.trimStart() : lines[i] + edit;
      }
      return lines.join('\n');
    }),
  },
  code: {
    files: ['worker.py', 'Producer.java', 'Consumer.kt', 'main.go', 'index.ts', 'app.js', 'Program.cs', 'main.rs', 'Job.scala'],
    line: CODE_LINE,
    // Client imports first, as real files have them, so the readers behind them run.
    text: fc.tuple(fc.constantFrom('import pika\n', 'from confluent_kafka import Producer, Consumer\n', 'import org.apache.kafka.clients.producer.*;\nimport com.rabbitmq.client.*;\n', 'import (\n\t"github.com/IBM/sarama"\n\tamqp "github.com/rabbitmq/amqp091-go"\n)\n', "import { Kafka } from 'kafkajs';\nimport amqp from 'amqplib';\n", 'using RabbitMQ.Client;\nusing Confluent.Kafka;\n', 'use rdkafka::config::ClientConfig;\n', ''), fc.array(fc.tuple(CODE_LINE, LINE_END), { maxLength: 30 }))
      .map(([imports, lines]) => imports + lines.map(([l, e]) => l + e).join('')),
  },
  manifest: {
    files: ['pom.xml', 'package.json', 'go.mod', 'requirements.txt', 'pyproject.toml', 'build.gradle', 'Cargo.toml', 'App.csproj', 'Gemfile', 'composer.json', 'mix.exs'],
    line: roughly(fc.tuple(indent, fc.constantFrom('<dependency>', '<artifactId>kafka-clients</artifactId>', '<groupId>org.apache.kafka</groupId>', '<version>3.8.0</version>', '</dependency>', '{', '}', '"dependencies": {', '"kafkajs": "^2.2.4",', '"amqplib": "0.10"', 'require github.com/streadway/amqp v1.1.0', 'require (', ')', 'pika==1.3.2', 'celery[redis]>=5', 'dependencies = [', '"confluent-kafka>=2.4",', ']', "implementation 'org.springframework.kafka:spring-kafka'", '[dependencies]', 'rdkafka = "0.36"', '<PackageReference Include="RabbitMQ.Client" Version="6.8.1" />', "gem 'bunny'", '"php-amqplib/php-amqplib": "^3.5"', '{:broadway_rabbitmq, "~> 0.8"}')).map(([i, s]) => i + s)),
  },
  other: {
    files: ['Dockerfile', 'setup.sh', 'main.tf', 'definitions.json', 'appsettings.json', 'activemq.xml', 'Makefile'],
    line: roughly(fc.tuple(indent, fc.constantFrom('FROM rabbitmq:4-management', 'FROM apache/kafka:4.1.0 AS base', 'FROM base', 'RUN <<EOF', 'EOF', 'RUN a \\', 'rabbitmqctl set_policy DLX ".*" \'{"dead-letter-exchange":"dlx"}\'', 'resource "rabbitmq_policy" "p" {', '"x-dead-letter-exchange": "dlx",', '"policies": [', '"ConnectionStrings": {', '"Bus": "amqp://guest@rabbit"', '<broker xmlns="http://activemq.apache.org/schema/core">', '<core xmlns="urn:activemq:core">', 'persistent="false"', '}')).map(([i, s]) => i + s)),
  },
};

/** A text of up to `maxLines` generated lines, joined by line ends of every kind (or none). */
export function textOf(family: Family, maxLines = 30): fc.Arbitrary<string> {
  if (family.text) {
    const text = family.text;
    return fc.oneof(text, fc.array(fc.tuple(family.line, LINE_END), { maxLength: maxLines }).map((lines) => lines.map(([l, end]) => l + end).join('')));
  }
  return fc.array(fc.tuple(family.line, LINE_END), { maxLength: maxLines })
    .map((lines) => lines.map(([text, end]) => text + end).join(''));
}

const inside = (span: { start: number; end: number }, length: number) => span.start >= 0 && span.start <= span.end && span.end <= length;

/** Analyses and detects `text` as `file`, and checks every invariant; throws (an assertion) when one breaks. */
export function checkInvariants(file: string, text: string): void {
  const keys = bundledKeyIndex();
  const clients = bundledClientIndex();
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const profile of ['general', 'online'] as const) {
    const result = analyzeText({ file, text, keys, clients, profile });
    for (const s of result.settings) {
      assert.ok(inside(s.keySpan, text.length) && inside(s.valueSpan, text.length), `a setting outside the text: ${JSON.stringify(s)}`);
      assert.ok(s.line >= 1 && s.line <= lines, `a setting on line ${s.line} of ${lines}`);
    }
    for (const f of result.findings) {
      assert.ok(inside(f.span, text.length), `a finding outside the text: ${JSON.stringify(f)}`);
      assert.ok(f.line >= 1 && f.line <= lines && f.endLine >= f.line && f.column >= 1, `a finding at ${f.line}:${f.column}`);
      if (f.fix) assert.ok(inside(f.fix.edit.span, text.length), `a fix outside the text: ${JSON.stringify(f.fix)}`);
      for (const place of f.related ?? []) assert.ok(inside(place.span, text.length), `a related place outside the text: ${JSON.stringify(place)}`);
    }
    result.facts();
  }
  for (const d of detectText({ file, text, keys, clients })) {
    assert.ok(d.line >= 1 && d.line <= lines, `a detection on line ${d.line} of ${lines}`);
  }
}
