// Settings extraction from every configuration format, with exact spans.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { hashComments } from '../../src/core/extract/comments';
import { formatOf } from '../../src/core/formats';
import { analyze } from './helpers';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

function settingsOf(file: string, text: string) {
  return analyze(file, text).settings.map((s) => ({ system: s.system, key: s.key, rawKey: s.rawKey, value: s.value, scope: s.scope,
    keyText: slice(text, s.keySpan), valueText: slice(text, s.valueSpan), line: s.line }));
}

describe('formats by file name', () => {
  it('tells the formats apart', () => {
    const cases: Record<string, string | undefined> = {
      'src/main/resources/application.properties': 'spring-properties', 'application-prod.properties': 'spring-properties',
      'bootstrap.properties': 'spring-properties', 'producer.properties': 'properties', 'application.yml': 'spring-yaml',
      'config/application-dev.yaml': 'spring-yaml', 'docker-compose.yml': 'compose', 'compose.override.yaml': 'compose',
      'k8s/kafka.yaml': 'yaml', 'rabbitmq.conf': 'conf', 'conf/broker.conf': 'conf', 'redis.conf': 'conf',
      'nginx.conf': undefined, 'README.md': undefined, 'Application.java': 'java', 'main.go': 'go', 'app.py': 'python',
      'Program.cs': 'csharp', 'index.ts': 'javascript', 'lib.rs': 'rust', 'types.d.ts': undefined, 'Makefile': undefined,
    };
    for (const [file, format] of Object.entries(cases)) assert.equal(formatOf(file), format, file);
  });

  it('reads copies to edit before use as the file they become', () => {
    const cases: Record<string, string | undefined> = {
      'config.py.prod.example': 'python', 'application.yml.sample': 'spring-yaml', 'server.properties.dist': 'properties',
      'docker-compose.kafka.tpl': 'compose', 'docker-compose.yml.template': 'compose', 'values.yaml.tpl': 'yaml',
      'README.md.template': undefined, 'notes.example': undefined, 'package.json.example': undefined,
    };
    for (const [file, format] of Object.entries(cases)) assert.equal(formatOf(file), format, file);
    // And its settings are judged like the real file's.
    const findings = analyze('config/producer.properties.example', '# mq-lens: workload=online\nacks=0\n').findings.map((f) => f.ruleId);
    assert.deepEqual(findings, ['kafka-acks-zero']);
  });
});

describe('Spring Boot properties', () => {
  it('maps the pass-through maps in every spelling onto canonical keys', () => {
    const text = [
      'spring.kafka.producer.properties.linger.ms=100',
      'spring.kafka.producer.properties[linger.ms]=101',
      'spring.kafka.properties.linger.ms=102',
      'spring.kafka.producer.properties.no.such.key=1',
      'server.port=8080',
    ].join('\n');
    assert.deepEqual(settingsOf('application.properties', text).map((s) => [s.key, s.rawKey, s.value, s.valueText]), [
      ['linger.ms', 'spring.kafka.producer.properties.linger.ms', '100', '100'],
      ['linger.ms', 'spring.kafka.producer.properties[linger.ms]', '101', '101'],
      ['linger.ms', 'spring.kafka.properties.linger.ms', '102', '102'],
    ]);
  });
});

describe('Spring Boot YAML', () => {
  it('flattens nested keys, bracketed map keys and quoted values', () => {
    const text = [
      'spring:',
      '  kafka:',
      '    producer:',
      '      properties:',
      '        linger.ms: 100',
      '        "[queue.buffering.max.ms]": "250"',
      '  datasource:',
      '    url: jdbc:x',
    ].join('\n');
    const settings = settingsOf('application.yml', text);
    assert.deepEqual(settings.map((s) => [s.key, s.rawKey, s.value, s.keyText, s.valueText, s.line]), [
      ['linger.ms', 'linger.ms', '100', 'linger.ms', '100', 5],
      ['linger.ms', '[queue.buffering.max.ms]', '250', '"[queue.buffering.max.ms]"', '250', 6],
    ]);
  });

  it('gives each profile document its own scope', () => {
    const text = 'spring.kafka.properties.linger.ms: 1\n---\nspring.kafka.properties.linger.ms: 2\n';
    assert.deepEqual(settingsOf('application.yml', text).map((s) => [s.value, s.scope]), [['1', 'document-0'], ['2', 'document-1']]);
  });

  it('yields nothing for a document that does not parse, and keeps the others', () => {
    const text = 'spring.kafka.properties.linger.ms: 1\n---\nkey: [unclosed\n';
    assert.deepEqual(settingsOf('application.yml', text).map((s) => s.value), ['1']);
  });
});

describe('docker-compose environment', () => {
  it('reads Confluent and Bitnami names in map and list form, one scope per service', () => {
    const text = [
      'services:',
      '  kafka:',
      '    image: confluentinc/cp-kafka:7.6.0',
      '    environment:',
      '      KAFKA_LINGER_MS: 100',
      '      KAFKA_BOOTSTRAP_SERVERS: "b:9092"',
      '  bitnami:',
      '    image: bitnami/kafka',
      '    environment:',
      '      - KAFKA_CFG_LINGER_MS=7',
      '      - "KAFKA_LINGER_MS=8"',
      '      - OTHER=1',
    ].join('\n');
    assert.deepEqual(settingsOf('docker-compose.yml', text).map((s) => [s.key, s.rawKey, s.value, s.keyText, s.valueText, s.scope]), [
      ['linger.ms', 'KAFKA_LINGER_MS', '100', 'KAFKA_LINGER_MS', '100', 'service:kafka'],
      ['bootstrap.servers', 'KAFKA_BOOTSTRAP_SERVERS', 'b:9092', 'KAFKA_BOOTSTRAP_SERVERS', 'b:9092', 'service:kafka'],
      ['linger.ms', 'KAFKA_CFG_LINGER_MS', '7', 'KAFKA_CFG_LINGER_MS', '7', 'service:bitnami'],
      ['linger.ms', 'KAFKA_LINGER_MS', '8', 'KAFKA_LINGER_MS', '8', 'service:bitnami'],
    ]);
  });
});

describe('Kubernetes resources', () => {
  it('reads Strimzi Kafka config and skips other resources and YAML files', () => {
    const text = [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: x }', 'data:', '  linger.ms: "100"', '---',
      'apiVersion: kafka.strimzi.io/v1beta2', 'kind: Kafka', 'metadata:', '  name: prod', 'spec:', '  kafka:', '    config:',
      '      linger.ms: 100',
    ].join('\n');
    assert.deepEqual(settingsOf('k8s/kafka.yaml', text).map((s) => [s.key, s.value, s.line, s.scope]), [['linger.ms', '100', 14, 'Kafka/prod']]);
    assert.deepEqual(settingsOf('.github/workflows/ci.yml', 'on: push\nlinger.ms: 100\n'), []);
  });
});

describe('hash comments', () => {
  it('finds comments outside quotes, at line start or after a blank', () => {
    const text = 'a: 1 # one\n# two\nb: "x # not" # three\nc: x#not\nd: \'it\'\'s # no\' # four\n';
    assert.deepEqual(hashComments(text).map((c) => [c.text.trim(), c.ownLine]), [['one', false], ['two', true], ['three', false], ['four', false]]);
  });
});

describe('nats-server configuration files', () => {
  const text = [
    '# Orders cluster', // 1
    'server_name: orders-1', // 2
    'listen: 0.0.0.0:4222', // 3
    'max_payload: 2MB   // bigger order documents', // 4
    'max_file: 10G', // 5: a JetStream limit at the top level is no setting (nats-server rejects it there)
    'jetstream {', // 6
    '  store_dir: "/data/jetstream"', // 7
    '  max_mem: 1G, max_file: 100G', // 8
    '  sync_interval = always', // 9
    '}', // 10
    'cluster {', // 11
    '  name: orders', // 12
    '  routes = [', // 13
    '    nats://orders-2:6222', // 14
    '  ]', // 15
    '  authorization { user: route, password: "s3cret" }', // 16: the routes' credentials, not the clients'
    '}', // 17
    'authorization {', // 18
    '  token: $TOKEN', // 19
    '}', // 20
    '',
  ].join('\n');

  it('reads keys by their block, short spellings only inside the block they belong to, with exact spans', () => {
    const rows = settingsOf('deploy/nats-server.conf', text).map((s) => `${s.line}:${s.key}=${s.valueText}`);
    assert.deepEqual(rows, [
      '3:listen=0.0.0.0:4222', '4:max_payload=2MB', '7:jetstream.store_dir=/data/jetstream', '8:jetstream.max_memory_store=1G',
      '8:jetstream.max_file_store=100G', '9:jetstream.sync_interval=always', '12:cluster.name=orders', '19:authorization.token=$TOKEN',
    ]);
  });

  it('reads on after arrays and blocks closed on the same line, in any case', () => {
    const accounts = [
      'accounts: { SYS: { users: [ { user: sys, password: sys } ] }, APP: { users: [',
      '  { user: a, password: "p\\"w" }', // an escaped quote inside a string in an array
      '] } }',
      'system_account: SYS',
      'JetStream { Max_File_Store: 1G; store_dir: "/data" }',
      'max_payload: 4MB',
      '',
    ].join('\n');
    assert.deepEqual(settingsOf('nats-server.conf', accounts).map((s) => `${s.line}:${s.key}=${s.valueText}`), [
      '4:system_account=SYS', '5:jetstream.max_file_store=1G', '5:jetstream.store_dir=/data', '6:max_payload=4MB',
    ]);
  });

  it('never reads the server\'s keys from client code', () => {
    const client = [
      'package events',
      'import "github.com/nats-io/nats.go"',
      'func connect(cfg Config) (*nats.Conn, error) {',
      '\topts := nats.Options{Url: cfg.URL, User: cfg.User, Password: cfg.Password, Token: cfg.Token}',
      '\topts.JetStream = true',
      '\treturn opts.Connect()',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(settingsOf('internal/events/nats.go', client).filter((s) => s.system === 'nats'), []);
  });

  it('never takes another tool\'s .conf for one', () => {
    assert.deepEqual(settingsOf('etc/nats-notes.conf', 'worker_processes 4;\nevents { worker_connections 1024; }\n'), []);
  });
});
