// Settings read from source code, end to end through analyze(): the clients a file imports decide which systems are
// scanned; literals, keyword and named arguments, initializers, member assignments and known positional arguments
// become settings; rules judge them under the file's workload directive; quick fixes edit only the value.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { knowledge } from '../../src/core/bundledKnowledge';
import type { Finding, Setting } from '../../src/core/types';
import { analyze, applyEdit } from './helpers';

type Result = ReturnType<typeof analyze>;

/** [key, rawKey, value, effectiveValue, valueStyle, line] per setting, in file order. */
function rows(result: Result): Array<[string, string, string, string | undefined, string | undefined, number]> {
  return result.settings.map((s) => [s.key, s.rawKey, s.value, s.effectiveValue, s.valueStyle, s.line]);
}

/** Findings about settings: file-level findings such as a deprecated client's import are left out. */
function settingFindings(result: Result): Finding[] {
  return result.findings.filter((f) => f.ruleId !== 'client-deprecated');
}

/** [ruleId, severity, line] per finding about settings. */
function findingRows(result: Result): Array<[string, string, number]> {
  return settingFindings(result).map((f) => [f.ruleId, f.severity, f.line]);
}

/** The finding of one rule on one line. */
function findingOf(result: Result, ruleId: string, line: number): Finding {
  const found = settingFindings(result).filter((f) => f.ruleId === ruleId && f.line === line);
  assert.equal(found.length, 1, `expected one ${ruleId} on line ${line}, got ${JSON.stringify(findingRows(result))}`);
  return found[0]!;
}

/** [replaced text, new text] of a finding's quick fix, or undefined when it has none. */
function fixOf(text: string, finding: Finding): [string, string] | undefined {
  const edit = finding.fix?.edit;
  return edit ? [text.slice(edit.span.start, edit.span.end), edit.newText] : undefined;
}

/** The text of a setting's value span. */
const valueText = (text: string, setting: Setting) => text.slice(setting.valueSpan.start, setting.valueSpan.end);
const keyText = (text: string, setting: Setting) => text.slice(setting.keySpan.start, setting.keySpan.end);

const ruleExists = (id: string) => knowledge.rules.some((r) => r.id === id);

/** The line of the first occurrence of `needle`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in text`);
  return text.slice(0, at).split('\n').length;
}

describe('code settings: confluent-kafka-python', () => {
  const text = [
    '# mq-lens: workload=online', // 1
    'from confluent_kafka import Producer, Consumer', // 2
    '', // 3
    'producer = Producer({', // 4
    "    'bootstrap.servers': 'localhost:9092',", // 5
    "    'linger.ms': 500,", // 6
    "    'acks': '1',", // 7
    "    'enable.idempotence': False,", // 8
    "    'max.in.flight.requests.per.connection': 5,", // 9
    '})', // 10
    'consumer = Consumer({\'group.id\': \'g\', \'enable.auto.commit\': True, \'auto.offset.reset\': "latest"})', // 11
    '',
  ].join('\n');
  const result = analyze('producer.py', text);

  it('reads every key of the configuration dicts', () => {
    assert.deepEqual(rows(result), [
      ['bootstrap.servers', 'bootstrap.servers', 'localhost:9092', undefined, 'quoted', 5],
      ['linger.ms', 'linger.ms', '500', undefined, 'number', 6],
      ['acks', 'acks', '1', undefined, 'quoted', 7],
      ['enable.idempotence', 'enable.idempotence', 'false', undefined, 'boolean', 8],
      ['max.in.flight.requests.per.connection', 'max.in.flight.requests.per.connection', '5', undefined, 'number', 9],
      ['group.id', 'group.id', 'g', undefined, 'quoted', 11],
      ['enable.auto.commit', 'enable.auto.commit', 'true', undefined, 'boolean', 11],
      ['auto.offset.reset', 'auto.offset.reset', 'latest', undefined, 'quoted', 11],
    ]);
    assert.ok(result.settings.every((s) => s.system === 'kafka' && !s.implicit));
  });

  it('spans the key inside its quotes and the value as written', () => {
    const [servers, linger, acks, idempotence] = result.settings;
    assert.equal(keyText(text, servers!), 'bootstrap.servers');
    assert.equal(valueText(text, servers!), 'localhost:9092');
    assert.equal(valueText(text, linger!), '500');
    assert.equal(valueText(text, acks!), '1');
    assert.equal(valueText(text, idempotence!), 'False');
    assert.equal(idempotence!.booleanCase, 'title');
    assert.deepEqual([linger!.line, linger!.column], [6, 5], 'the column of the opening quote');
  });

  it('scopes each dict on its own: the producer keys together, the consumer keys apart', () => {
    const scopes = result.settings.map((s) => s.scope);
    assert.ok(scopes[0] !== undefined);
    assert.equal(new Set(scopes.slice(0, 5)).size, 1);
    assert.equal(new Set(scopes.slice(5)).size, 1);
    assert.notEqual(scopes[0], scopes[5]);
  });

  it('judges them under the online directive', () => {
    assert.equal(result.profile, 'online');
    assert.deepEqual(findingRows(result), [
      ['kafka-linger-latency', 'warning', 6],
      ['kafka-acks-one', 'warning', 7],
      ['kafka-idempotence-off-reordering', 'warning', 8],
      ['kafka-auto-commit-at-least-once', 'warning', 11],
      ['kafka-auto-offset-reset-latest', 'info', 11],
    ]);
  });

  it('fixes numbers in place, quoted values inside their quotes, and Python booleans in title case', () => {
    assert.deepEqual(fixOf(text, findingOf(result, 'kafka-linger-latency', 6)), ['500', '5']);
    const acks = findingOf(result, 'kafka-acks-one', 7);
    assert.deepEqual(fixOf(text, acks), ['1', 'all']);
    assert.match(applyEdit(text, acks.fix!.edit), /'acks': 'all',/);
    assert.deepEqual(fixOf(text, findingOf(result, 'kafka-idempotence-off-reordering', 8)), ['False', 'True']);
    const commit = findingOf(result, 'kafka-auto-commit-at-least-once', 11);
    assert.deepEqual(fixOf(text, commit), ['True', 'False']);
    assert.match(applyEdit(text, commit.fix!.edit), /'enable\.auto\.commit': False,/);
    const reset = findingOf(result, 'kafka-auto-offset-reset-latest', 11);
    assert.match(applyEdit(text, reset.fix!.edit), /'auto\.offset\.reset': "earliest"\}/);
  });

  it('points a two-setting finding at the other setting of the same dict', () => {
    const reordering = findingOf(result, 'kafka-idempotence-off-reordering', 8);
    assert.deepEqual(reordering.related?.map((r) => [r.line, r.message]), [[9, 'max.in.flight.requests.per.connection is 5 here.']]);
  });

  it('judges the same settings differently under another profile', () => {
    const general = analyze('producer.py', text.replace('workload=online', 'workload=general'));
    assert.deepEqual(findingRows(general), [
      ['kafka-acks-one', 'info', 7],
      ['kafka-idempotence-off-reordering', 'warning', 8],
      ['kafka-auto-commit-at-least-once', 'info', 11],
      ['kafka-auto-offset-reset-latest', 'info', 11],
    ]);
  });

  it('does not pair settings of two different clients', () => {
    const split = [
      'from confluent_kafka import Producer',
      "a = Producer({'enable.idempotence': False})",
      "b = Producer({'max.in.flight.requests.per.connection': 5})",
    ].join('\n');
    assert.deepEqual(findingRows(analyze('p.py', split, 'online')), []);
  });

  it('reads subscript assignments at module level as one configuration', () => {
    const subscripts = [
      'from confluent_kafka import Producer', // 1
      'conf = {}', // 2
      "conf['enable.idempotence'] = False", // 3
      "conf['max.in.flight.requests.per.connection'] = 5", // 4
      "conf['acks'] = '0'", // 5
      "if conf['acks'] == '1': pass", // 6
      'producer = Producer(conf)', // 7
    ].join('\n');
    const result = analyze('p.py', subscripts, 'online');
    assert.deepEqual(rows(result), [
      ['enable.idempotence', 'enable.idempotence', 'false', undefined, 'boolean', 3],
      ['max.in.flight.requests.per.connection', 'max.in.flight.requests.per.connection', '5', undefined, 'number', 4],
      ['acks', 'acks', '0', undefined, 'quoted', 5],
    ]);
    assert.deepEqual(result.settings.map((s) => s.scope), [undefined, undefined, undefined]);
    assert.deepEqual(findingRows(result), [['kafka-idempotence-off-reordering', 'warning', 3], ['kafka-acks-zero', 'error', 5]]);
  });
});

describe('code settings: kafka-python', () => {
  const text = [
    '# mq-lens: workload=online', // 1
    'from kafka import KafkaProducer, KafkaConsumer', // 2
    "producer = KafkaProducer(bootstrap_servers=['b:9092'], acks=0, linger_ms=100, retries=0)", // 3
    "consumer = KafkaConsumer('orders', group_id='g', enable_auto_commit=True,", // 4
    "                         auto_offset_reset='latest', max_poll_records=500)", // 5
    'pool.submit(handle_batches, consumer)', // 6: records are handed to another thread
  ].join('\n');
  const result = analyze('app.py', text);

  it('reads keyword arguments by their Python names', () => {
    assert.deepEqual(rows(result), [
      ['bootstrap.servers', 'bootstrap_servers', '["b:9092"]', undefined, 'identifier', 3],
      ['acks', 'acks', '0', undefined, 'number', 3],
      ['linger.ms', 'linger_ms', '100', undefined, 'number', 3],
      ['retries', 'retries', '0', undefined, 'number', 3],
      ['group.id', 'group_id', 'g', undefined, 'quoted', 4],
      ['enable.auto.commit', 'enable_auto_commit', 'true', undefined, 'boolean', 4],
      ['auto.offset.reset', 'auto_offset_reset', 'latest', undefined, 'quoted', 5],
      ['max.poll.records', 'max_poll_records', '500', undefined, 'number', 5],
    ]);
    assert.equal(keyText(text, result.settings[2]!), 'linger_ms');
  });

  it('scopes each call on its own', () => {
    const scopes = result.settings.map((s) => s.scope);
    assert.equal(new Set(scopes.slice(0, 4)).size, 1);
    assert.equal(new Set(scopes.slice(4)).size, 1);
    assert.notEqual(scopes[0], scopes[4]);
  });

  it('judges them, and fixes only what can be written in place', () => {
    assert.deepEqual(findingRows(result), [
      ['kafka-acks-zero', 'error', 3],
      ['kafka-linger-latency', 'warning', 3],
      ['kafka-retries-zero', 'warning', 3],
      ['kafka-auto-commit-at-least-once', 'warning', 4],
      ['kafka-auto-offset-reset-latest', 'info', 5],
    ]);
    // acks=0 is a number; `all` would have to be a quoted string, so no automatic fix is offered.
    assert.equal(findingOf(result, 'kafka-acks-zero', 3).fix, undefined);
    assert.deepEqual(fixOf(text, findingOf(result, 'kafka-linger-latency', 3)), ['100', '5']);
    assert.deepEqual(fixOf(text, findingOf(result, 'kafka-retries-zero', 3)), ['0', '2147483647']);
    assert.deepEqual(fixOf(text, findingOf(result, 'kafka-auto-commit-at-least-once', 4)), ['True', 'False']);
    assert.deepEqual(fixOf(text, findingOf(result, 'kafka-auto-offset-reset-latest', 5)), ['latest', 'earliest']);
  });

  it('reads numbers with digit separators by their value, and fixes the whole literal', () => {
    const separated = '# mq-lens: workload=online\nfrom kafka import KafkaProducer\np = KafkaProducer(linger_ms=1_000)\n';
    const result = analyze('p.py', separated);
    assert.deepEqual(rows(result), [['linger.ms', 'linger_ms', '1_000', '1000', 'number', 3]]);
    const finding = findingOf(result, 'kafka-linger-latency', 3);
    assert.match(finding.message, /linger\.ms is 1000/);
    assert.deepEqual(fixOf(separated, finding), ['1_000', '5']);
  });
});

describe('code settings: aiokafka and its implicit acks', () => {
  const text = [
    '# mq-lens: workload=online', // 1
    'from aiokafka import AIOKafkaProducer', // 2
    'async def main(config):', // 3
    "    plain = AIOKafkaProducer(bootstrap_servers='b:9092', linger_ms=200)", // 4
    "    safe = AIOKafkaProducer(bootstrap_servers='b:9092', acks='all')", // 5
    "    leader = AIOKafkaProducer(bootstrap_servers='b:9092', acks=1)", // 6
    '    passed = AIOKafkaProducer(**config)', // 7
  ].join('\n');
  const result = analyze('worker.py', text);

  it('adds the default acks=1 where a producer leaves acks out, and only there', () => {
    assert.deepEqual(rows(result), [
      ['acks', 'acks', '1', undefined, 'identifier', 4],
      ['bootstrap.servers', 'bootstrap_servers', 'b:9092', undefined, 'quoted', 4],
      ['linger.ms', 'linger_ms', '200', undefined, 'number', 4],
      ['bootstrap.servers', 'bootstrap_servers', 'b:9092', undefined, 'quoted', 5],
      ['acks', 'acks', 'all', undefined, 'quoted', 5],
      ['bootstrap.servers', 'bootstrap_servers', 'b:9092', undefined, 'quoted', 6],
      ['acks', 'acks', '1', undefined, 'number', 6],
    ]);
    const implicit = result.settings[0]!;
    assert.match(implicit.implicit ?? '', /aiokafka's AIOKafkaProducer/);
    assert.equal(keyText(text, implicit), 'AIOKafkaProducer');
    assert.ok(result.settings.slice(1).every((s) => s.implicit === undefined));
  });

  it('flags the implied default on the constructor, saying where it comes from, without a fix', () => {
    assert.deepEqual(findingRows(result), [
      ['kafka-acks-one', 'warning', 4],
      ['kafka-linger-latency', 'warning', 4],
      ['kafka-acks-one', 'warning', 6],
    ]);
    const implied = settingFindings(result)[0]!;
    assert.match(implied.message, /\(the default of aiokafka's AIOKafkaProducer when acks is not passed\)\.$/);
    assert.equal(implied.fix, undefined);
    assert.equal(text.slice(implied.span.start, implied.span.end), 'AIOKafkaProducer');
    assert.equal(findingOf(result, 'kafka-acks-one', 6).fix, undefined);
  });

  it('does not apply the default to a function definition of the same name', () => {
    const definition = 'from aiokafka import AIOKafkaProducer\ndef AIOKafkaProducer(x):\n    pass\n';
    assert.deepEqual(rows(analyze('w.py', definition, 'online')), []);
  });
});

describe('code settings: pika', () => {
  const text = [
    '# mq-lens: workload=online', // 1
    'import pika', // 2
    "connection = pika.BlockingConnection(pika.ConnectionParameters('localhost'))", // 3
    'channel = connection.channel()', // 4
    "channel.queue_declare(queue='tasks', durable=False)", // 5
    'channel.basic_qos(prefetch_count=0)', // 6
    "channel.basic_consume(queue='tasks', on_message_callback=callback, auto_ack=True)", // 7
    "channel.basic_publish(exchange='', routing_key='tasks', body=b'x',", // 8
    '                      properties=pika.BasicProperties(delivery_mode=2))', // 9
    "channel.basic_publish(exchange='', routing_key='tasks', body=b'y', properties=pika.BasicProperties(delivery_mode=1))", // 10
  ].join('\n');
  const result = analyze('worker.py', text);

  it('reads queue, consumer and message settings from keyword arguments', () => {
    assert.deepEqual(rows(result), [
      ['durable', 'durable', 'false', undefined, 'boolean', 5],
      ['prefetch', 'prefetch_count', '0', undefined, 'number', 6],
      ['auto-ack', 'auto_ack', 'true', undefined, 'boolean', 7],
      // What the code does is read too: the channel it opens never confirms a publish.
      ['publish-unconfirmed', 'channel.basic_publish', 'on a channel without publisher confirms', undefined, 'identifier', 8],
      ['persistent', 'delivery_mode', '2', 'true', 'number', 9],
      // A message marked transient is at-most-once by choice: its publish is not judged for confirms.
      ['persistent', 'delivery_mode', '1', 'false', 'number', 10],
    ]);
    assert.ok(result.settings.every((s) => s.system === 'rabbitmq'));
  });

  it('raises no Kafka finding, and judges prefetch 0 when the knowledge base has that rule', () => {
    assert.deepEqual(findingRows(result).filter(([id]) => id.startsWith('kafka-')), []);
    if (ruleExists('rabbitmq-prefetch-zero')) {
      const prefetch = findingOf(result, 'rabbitmq-prefetch-zero', 6);
      const fix = fixOf(text, prefetch);
      if (fix) assert.equal(fix[0], '0');
    }
  });
});

describe('code settings: paho-mqtt', () => {
  const text = [
    'import paho.mqtt.client as mqtt', // 1
    'client = mqtt.Client(client_id="sensor-1", clean_session=False)', // 2
    'client.connect("broker", 1883)', // 3
    'client.publish("sensors/temp", payload, 0, False)', // 4
    'client.publish("sensors/alarm", json.dumps({"a": 1}), 2)', // 5
    'client.publish("sensors/x", payload=p, qos=1, retain=True)', // 6
    'client.subscribe("cmd/#", qos=1)', // 7
    'client.publish("sensors/y", payload)', // 8
    'client.publish("sensors/z", payload, level)', // 9
  ].join('\n');
  const result = analyze('sensor.py', text);

  it('reads qos by position in publish and by keyword anywhere', () => {
    assert.deepEqual(rows(result), [
      ['clean_session', 'clean_session', 'false', undefined, 'boolean', 2],
      ['qos', 'qos', '0', undefined, 'number', 4],
      ['qos', 'qos', '2', undefined, 'number', 5],
      ['qos', 'qos', '1', undefined, 'number', 6],
      ['qos', 'qos', '1', undefined, 'number', 7],
    ]);
    assert.ok(result.settings.every((s) => s.system === 'mqtt'));
  });

  it('puts a positional setting on the call and its value on the argument', () => {
    const positional = result.settings[1]!;
    assert.equal(keyText(text, positional), 'publish');
    assert.equal(valueText(text, positional), '0');
    assert.equal(valueText(text, result.settings[2]!), '2');
  });
});

describe('code settings: the Java Kafka client', () => {
  const text = [
    '// mq-lens: workload=online', // 1
    'package com.example;', // 2
    '', // 3
    'import java.util.Properties;', // 4
    'import org.apache.kafka.clients.producer.KafkaProducer;', // 5
    'import org.apache.kafka.clients.producer.ProducerConfig;', // 6
    'import org.apache.kafka.clients.consumer.ConsumerConfig;', // 7
    '', // 8
    'public class Orders {', // 9
    '  KafkaProducer<String, String> producer() {', // 10
    '    Properties props = new Properties();', // 11
    '    props.put("bootstrap.servers", "broker:9092");', // 12
    '    props.put("acks", "0");', // 13
    '    props.put(ProducerConfig.LINGER_MS_CONFIG, 100);', // 14
    '    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);', // 15
    '    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION_CONFIG, 10);', // 16
    '    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 16384 * 2);', // 17
    '    return new KafkaProducer<>(props);', // 18
    '  }', // 19
    '  Properties consumer() {', // 20
    '    Properties props = new Properties();', // 21
    '    props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");', // 22
    '    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");', // 23
    '    return props;', // 24
    '  }', // 25
    '  void start(ExecutorService workers) { workers.submit(this::consume); }', // 26: records are handed to a pool
    '}', // 27
  ].join('\n');
  const result = analyze('Orders.java', text);

  it('reads put calls with string keys and with *_CONFIG constants', () => {
    assert.deepEqual(rows(result), [
      ['bootstrap.servers', 'bootstrap.servers', 'broker:9092', undefined, 'quoted', 12],
      ['acks', 'acks', '0', undefined, 'quoted', 13],
      ['linger.ms', 'LINGER_MS_CONFIG', '100', undefined, 'number', 14],
      ['enable.idempotence', 'ENABLE_IDEMPOTENCE_CONFIG', 'false', undefined, 'boolean', 15],
      ['max.in.flight.requests.per.connection', 'MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION_CONFIG', '10', undefined, 'number', 16],
      // An expression is listed, computed, and judged by no value rule.
      ['batch.size', 'BATCH_SIZE_CONFIG', '16384 * 2', undefined, 'identifier', 17],
      ['enable.auto.commit', 'ENABLE_AUTO_COMMIT_CONFIG', 'true', undefined, 'quoted', 22],
      ['auto.offset.reset', 'AUTO_OFFSET_RESET_CONFIG', 'latest', undefined, 'quoted', 23],
    ]);
    assert.equal(keyText(text, result.settings[2]!), 'LINGER_MS_CONFIG');
  });

  it('scopes the settings by method body', () => {
    const scopes = result.settings.map((s) => s.scope);
    assert.equal(new Set(scopes.slice(0, 6)).size, 1);
    assert.equal(new Set(scopes.slice(6)).size, 1);
    assert.notEqual(scopes[0], scopes[6]);
  });

  it('judges them and fixes each value in its own style', () => {
    assert.deepEqual(findingRows(result), [
      ['kafka-acks-zero', 'error', 13],
      ['kafka-linger-latency', 'warning', 14],
      ['kafka-idempotence-off-reordering', 'warning', 15],
      // Ten requests in flight with idempotence off on purpose: the reordering finding above says it all.
      ['kafka-auto-commit-at-least-once', 'warning', 22],
      ['kafka-auto-offset-reset-latest', 'info', 23],
    ]);
    const acks = findingOf(result, 'kafka-acks-zero', 13);
    assert.deepEqual(fixOf(text, acks), ['0', 'all']);
    assert.match(applyEdit(text, acks.fix!.edit), /props\.put\("acks", "all"\);/);
    assert.deepEqual(fixOf(text, findingOf(result, 'kafka-linger-latency', 14)), ['100', '5']);
    assert.deepEqual(fixOf(text, findingOf(result, 'kafka-idempotence-off-reordering', 15)), ['false', 'true']);
    // A boolean written as a string is fixed inside its quotes.
    const commit = findingOf(result, 'kafka-auto-commit-at-least-once', 22);
    assert.match(applyEdit(text, commit.fix!.edit), /ENABLE_AUTO_COMMIT_CONFIG, "false"\);/);
  });

  it('reads long literals by their value', () => {
    const longs = 'import org.apache.kafka.clients.producer.KafkaProducer;\nclass A { void f() { props.put(ProducerConfig.LINGER_MS_CONFIG, 100L); } }\n';
    const result = analyze('A.java', longs, 'online');
    assert.deepEqual(rows(result), [['linger.ms', 'LINGER_MS_CONFIG', '100L', '100', 'number', 2]]);
    assert.deepEqual(fixOf(longs, findingOf(result, 'kafka-linger-latency', 2)), ['100L', '5']);
  });

  it('reads Kotlin indexed assignments with string keys and with constants', () => {
    const kotlin = [
      'import org.apache.kafka.clients.producer.ProducerConfig', // 1
      'fun props() = Properties().apply {', // 2
      '    this[ProducerConfig.ACKS_CONFIG] = "0"', // 3
      '    this["linger.ms"] = 100', // 4
      '    put(ProducerConfig.RETRIES_CONFIG, 0)', // 5
      '}', // 6
    ].join('\n');
    const result = analyze('Props.kt', kotlin, 'online');
    assert.deepEqual(rows(result), [
      ['acks', 'ACKS_CONFIG', '0', undefined, 'quoted', 3],
      ['linger.ms', 'linger.ms', '100', undefined, 'number', 4],
      ['retries', 'RETRIES_CONFIG', '0', undefined, 'number', 5],
    ]);
    assert.equal(new Set(result.settings.map((s) => s.scope)).size, 1);
  });
});

describe('code settings: the Java RabbitMQ client', () => {
  const text = [
    'import com.rabbitmq.client.Channel;', // 1
    'import com.rabbitmq.client.Connection;', // 2
    '', // 3
    'public class Worker {', // 4
    '  void run(Connection connection) throws Exception {', // 5
    '    Channel channel = connection.createChannel();', // 6
    '    channel.queueDeclare("tasks", false, false, false, null);', // 7
    '    channel.basicQos(1);', // 8
    '    channel.basicConsume("tasks", true, deliverCallback, tag -> { });', // 9
    '    boolean autoAck = false;', // 10
    '    channel.basicConsume("tasks", autoAck, deliverCallback, tag -> { });', // 11
    '    channel.queueDeclare(name(), true, false, false, Collections.emptyMap());', // 12
    '    channel.basicConsume("tasks");', // 13
    '  }', // 14
    '}', // 15
  ].join('\n');
  const result = analyze('Worker.java', text);

  it('reads autoAck and durable by position, only when written as literals', () => {
    const settings = result.settings.filter((s) => s.key !== 'exclusive' && s.key !== 'auto-delete');
    assert.deepEqual(rows(result).filter(([key]) => key !== 'exclusive' && key !== 'auto-delete'), [
      ['durable', 'durable', 'false', undefined, 'boolean', 7],
      ['auto-ack', 'autoAck', 'true', undefined, 'boolean', 9],
      ['durable', 'durable', 'true', undefined, 'boolean', 12],
    ]);
    assert.equal(keyText(text, settings[0]!), 'queueDeclare');
    assert.equal(keyText(text, settings[1]!), 'basicConsume');
    assert.equal(valueText(text, settings[1]!), 'true');
  });

  it('raises no Kafka finding', () => {
    assert.deepEqual(findingRows(result).filter(([id]) => id.startsWith('kafka-')), []);
  });
});

describe('code settings: Go clients', () => {
  const text = [
    '// mq-lens: workload=online', // 1
    'package main', // 2
    '', // 3
    'import (', // 4
    '\t"github.com/IBM/sarama"', // 5
    '\tkafka "github.com/segmentio/kafka-go"', // 6
    '\tamqp "github.com/rabbitmq/amqp091-go"', // 7
    ')', // 8
    '', // 9
    'func main() {', // 10
    '\tconfig := sarama.NewConfig()', // 11
    '\tconfig.Producer.RequiredAcks = sarama.NoResponse', // 12
    '\tconfig.Producer.Idempotent = true', // 13
    '\tw := &kafka.Writer{', // 14
    '\t\tAddr:  kafka.TCP("localhost:9092"),', // 15
    '\t\tTopic: "orders",', // 16
    '\t}', // 17
    '\tsafe := &kafka.Writer{Addr: kafka.TCP("x"), RequiredAcks: kafka.RequireAll}', // 18
    '\tq, _ := ch.QueueDeclare("tasks", false, false, false, false, nil)', // 19
    '\tmsgs, _ := ch.Consume(q.Name, "", true, false, false, false, nil)', // 20
    '\t_ = amqp.Table{}', // 21
    '}', // 22
  ].join('\n');
  const result = analyze('main.go', text);

  it('reads member assignments, composite literals, implied defaults and positional arguments', () => {
    const settings = result.settings.filter((s) => s.key !== 'exclusive' && s.key !== 'auto-delete');
    assert.deepEqual(rows(result).filter(([key]) => key !== 'exclusive' && key !== 'auto-delete'), [
      ['acks', 'RequiredAcks', 'sarama.NoResponse', '0', 'identifier', 12],
      ['enable.idempotence', 'Idempotent', 'true', undefined, 'boolean', 13],
      ['acks', 'RequiredAcks', '0', undefined, 'identifier', 14],
      ['acks', 'RequiredAcks', 'kafka.RequireAll', 'all', 'identifier', 18],
      ['durable', 'durable', 'false', undefined, 'boolean', 19],
      ['auto-ack', 'autoAck', 'true', undefined, 'boolean', 20],
    ]);
    assert.match(settings[2]!.implicit ?? '', /segmentio\/kafka-go's Writer/);
    assert.equal(keyText(text, settings[2]!), 'Writer');
    assert.equal(valueText(text, settings[0]!), 'sarama.NoResponse');
    assert.equal(valueText(text, settings[5]!), 'true');
  });

  it('judges constants by what they stand for, and offers no fix for them', () => {
    assert.deepEqual(findingRows(result), [
      ['kafka-acks-zero', 'error', 12], ['kafka-acks-zero', 'error', 14],
      // The same file declares a non-durable queue and consumes with autoAck through amqp091-go.
      ['rabbitmq-queue-not-durable', 'warning', 19], ['rabbitmq-auto-ack', 'error', 20],
    ]);
    const explicit = findingOf(result, 'kafka-acks-zero', 12);
    assert.match(explicit.message, /acks is 0/);
    assert.equal(explicit.fix, undefined);
    const implied = findingOf(result, 'kafka-acks-zero', 14);
    assert.match(implied.message, /\(the default of segmentio\/kafka-go's Writer when RequiredAcks is not set\)\.$/);
    assert.equal(implied.fix, undefined);
  });

  it("adds sarama's default acks=1 when no RequiredAcks is assigned", () => {
    const plain = '// mq-lens: workload=online\npackage main\n\nimport "github.com/IBM/sarama"\n\nfunc main() {\n\tconfig := sarama.NewConfig()\n\tconfig.Producer.Return.Successes = true\n\tproducer, _ := sarama.NewSyncProducer(brokers, config)\n\t_ = producer\n}\n';
    const result = analyze('p.go', plain);
    assert.deepEqual(rows(result), [['acks', 'RequiredAcks', '1', undefined, 'identifier', 7]]);
    assert.deepEqual(findingRows(result), [['kafka-acks-one', 'warning', 7]]);
    assert.equal(keyText(plain, result.settings[0]!), 'NewConfig');
  });

  it('follows an import alias, and ignores other packages with the same names', () => {
    const aliased = [
      'package main', // 1
      'import (', // 2
      '\tk "github.com/segmentio/kafka-go"', // 3
      '\t"github.com/IBM/sarama"', // 4
      '\t"github.com/aws/aws-sdk-go/aws"', // 5
      ')', // 6
      'func f() {', // 7
      '\tw := &k.Writer{Addr: k.TCP("x")}', // 8
      '\tb := &bufio.Writer{}', // 9
      '\tc := aws.NewConfig()', // 10
      '\tconfig := sarama.NewConfig()', // 11
      '\tconfig.Producer.RequiredAcks = sarama.WaitForAll', // 12
      '}', // 13
    ].join('\n');
    assert.deepEqual(rows(analyze('a.go', aliased)), [
      ['acks', 'RequiredAcks', '0', undefined, 'identifier', 8],
      ['acks', 'RequiredAcks', 'sarama.WaitForAll', 'all', 'identifier', 12],
    ]);
  });

  it('does not take a result type for a Writer literal', () => {
    const factory = [
      'package main',
      'import "github.com/segmentio/kafka-go"',
      'func newWriter() *kafka.Writer {',
      '\treturn &kafka.Writer{Addr: kafka.TCP("x"), RequiredAcks: kafka.RequireAll}',
      '}',
      'func value() kafka.Writer {',
      '\treturn kafka.Writer{RequiredAcks: kafka.RequireOne}',
      '}',
    ].join('\n');
    assert.deepEqual(rows(analyze('w.go', factory)), [
      ['acks', 'RequiredAcks', 'kafka.RequireAll', 'all', 'identifier', 4],
      ['acks', 'RequiredAcks', 'kafka.RequireOne', '1', 'identifier', 7],
    ]);
  });

  it('does not add a producer default to a config used only by a consumer group', () => {
    const consumer = [
      '// mq-lens: workload=online',
      'package main',
      'import "github.com/IBM/sarama"',
      'func main() {',
      '\tconfig := sarama.NewConfig()',
      '\tconfig.Consumer.Offsets.Initial = sarama.OffsetOldest',
      '\tgroup, _ := sarama.NewConsumerGroup(brokers, "g", config)',
      '\t_ = group',
      '}',
    ].join('\n');
    // The consumer's own setting is read (by its path in the config struct); no producer acks default is added.
    assert.deepEqual(analyze('c.go', consumer).settings.map((s) => [s.key, s.implicit === undefined]), [['auto.offset.reset', true]]);
  });

  it('reads confluent-kafka-go ConfigMap literals and SetKey calls', () => {
    const confluent = [
      '// mq-lens: workload=online', // 1
      'package main', // 2
      'import "github.com/confluentinc/confluent-kafka-go/v2/kafka"', // 3
      'func main() {', // 4
      '\tp, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "b", "acks": "0", "linger.ms": 100})', // 5
      '\tcm := kafka.ConfigMap{}', // 6
      '\tcm.SetKey("enable.idempotence", false)', // 7
      '}', // 8
    ].join('\n');
    const result = analyze('c.go', confluent);
    assert.deepEqual(rows(result), [
      ['bootstrap.servers', 'bootstrap.servers', 'b', undefined, 'quoted', 5],
      ['acks', 'acks', '0', undefined, 'quoted', 5],
      ['linger.ms', 'linger.ms', '100', undefined, 'number', 5],
      ['enable.idempotence', 'enable.idempotence', 'false', undefined, 'boolean', 7],
    ]);
    assert.deepEqual(fixOf(confluent, findingOf(result, 'kafka-acks-zero', 5)), ['0', 'all']);
  });
});

describe('code settings: C# Confluent.Kafka and RabbitMQ.Client', () => {
  const text = [
    '// mq-lens: workload=online', // 1
    'using Confluent.Kafka;', // 2
    'using RabbitMQ.Client;', // 3
    '', // 4
    'var config = new ProducerConfig', // 5
    '{', // 6
    '    BootstrapServers = "localhost:9092",', // 7
    '    Acks = Acks.Leader,', // 8
    '    LingerMs = 50,', // 9
    '    EnableIdempotence = false,', // 10
    '};', // 11
    'var consumerConfig = new ConsumerConfig { GroupId = "g", EnableAutoCommit = true, AutoOffsetReset = AutoOffsetReset.Latest };', // 12
    'channel.QueueDeclare(queue: "tasks", durable: false, exclusive: false, autoDelete: false, arguments: null);', // 13
    'channel.BasicConsume(queue: "tasks", autoAck: true, consumer: consumer);', // 14
    'channel.BasicConsume("tasks", true, consumer);', // 15
    'await channel.QueueDeclareAsync("jobs", true, false, false, null);', // 16
    'config.MessageTimeoutMs = 30000;', // 17
  ].join('\n');
  const result = analyze('Program.cs', text);

  it('reads object initializers, named arguments, positional arguments and member assignments', () => {
    const settings = result.settings.filter((s) => s.key !== 'exclusive' && s.key !== 'auto-delete');
    assert.deepEqual(rows(result).filter(([key]) => key !== 'exclusive' && key !== 'auto-delete'), [
      ['bootstrap.servers', 'BootstrapServers', 'localhost:9092', undefined, 'quoted', 7],
      ['acks', 'Acks', 'Acks.Leader', '1', 'identifier', 8],
      ['linger.ms', 'LingerMs', '50', undefined, 'number', 9],
      ['enable.idempotence', 'EnableIdempotence', 'false', undefined, 'boolean', 10],
      ['group.id', 'GroupId', 'g', undefined, 'quoted', 12],
      ['enable.auto.commit', 'EnableAutoCommit', 'true', undefined, 'boolean', 12],
      ['auto.offset.reset', 'AutoOffsetReset', 'AutoOffsetReset.Latest', 'latest', 'identifier', 12],
      ['durable', 'durable', 'false', undefined, 'boolean', 13],
      ['auto-ack', 'autoAck', 'true', undefined, 'boolean', 14],
      ['auto-ack', 'autoAck', 'true', undefined, 'boolean', 15],
      ['durable', 'durable', 'true', undefined, 'boolean', 16],
      ['delivery.timeout.ms', 'MessageTimeoutMs', '30000', undefined, 'number', 17],
    ]);
    assert.equal(keyText(text, settings[7]!), 'durable');
    assert.equal(keyText(text, settings[9]!), 'BasicConsume');
    assert.equal(keyText(text, settings[10]!), 'QueueDeclareAsync');
  });

  it('judges enum constants by their meaning; fixes literals in C# case, constants not at all', () => {
    assert.deepEqual(findingRows(result), [
      ['kafka-acks-one', 'warning', 8],
      ['kafka-linger-latency', 'warning', 9],
      ['kafka-auto-commit-at-least-once', 'warning', 12],
      ['kafka-auto-offset-reset-latest', 'info', 12],
      // RabbitMQ.Client in the same file: a non-durable queue and two auto-ack consumers (named and positional).
      ['rabbitmq-queue-not-durable', 'warning', 13],
      ['rabbitmq-auto-ack', 'error', 14],
      ['rabbitmq-auto-ack', 'error', 15],
    ]);
    assert.equal(findingOf(result, 'kafka-acks-one', 8).fix, undefined);
    assert.deepEqual(fixOf(text, findingOf(result, 'kafka-linger-latency', 9)), ['50', '5']);
    assert.deepEqual(fixOf(text, findingOf(result, 'kafka-auto-commit-at-least-once', 12)), ['true', 'false']);
    assert.equal(findingOf(result, 'kafka-auto-offset-reset-latest', 12).fix, undefined);
  });

  it('reads dictionary initializers and Set calls', () => {
    const dictionary = [
      'using Confluent.Kafka;', // 1
      'var raw = new Dictionary<string, string> { ["acks"] = "0", ["linger.ms"] = "100" };', // 2
      'var config = new ClientConfig(raw);', // 3
      'config.Set("enable.idempotence", "true");', // 4
    ].join('\n');
    assert.deepEqual(rows(analyze('D.cs', dictionary)), [
      ['acks', 'acks', '0', undefined, 'quoted', 2],
      ['linger.ms', 'linger.ms', '100', undefined, 'quoted', 2],
      ['enable.idempotence', 'enable.idempotence', 'true', undefined, 'quoted', 4],
    ]);
  });
});

describe('code settings: kafkajs and amqplib', () => {
  const text = [
    '// mq-lens: workload=online', // 1
    "import { Kafka, CompressionTypes } from 'kafkajs';", // 2
    "import amqp from 'amqplib';", // 3
    '', // 4
    "const kafka = new Kafka({ clientId: 'checkout', brokers: ['b:9092'] });", // 5
    'const producer = kafka.producer({ idempotent: false, maxInFlightRequests: 10 });', // 6
    "const consumer = kafka.consumer({ groupId: 'checkout' });", // 7
    "await producer.send({ topic: 'orders', acks: 0, messages: [] });", // 8
    "await producer.send({ topic: 'audit', acks: -1, messages: [] });", // 9
    "const ch = await (await amqp.connect('amqp://localhost')).createChannel();", // 10
    "await ch.assertQueue('tasks', { durable: false });", // 11
    "await ch.consume('tasks', onMessage, { noAck: true });", // 12
    'ch.prefetch(0);', // 13
  ].join('\n');
  const result = analyze('checkout.ts', text);

  it('reads object literal properties of both clients', () => {
    assert.deepEqual(rows(result), [
      ['enable.idempotence', 'idempotent', 'false', undefined, 'boolean', 6],
      ['max.in.flight.requests.per.connection', 'maxInFlightRequests', '10', undefined, 'number', 6],
      ['group.id', 'groupId', 'checkout', undefined, 'quoted', 7],
      ['acks', 'acks', '0', undefined, 'number', 8],
      ['acks', 'acks', '-1', undefined, 'number', 9],
      ['durable', 'durable', 'false', undefined, 'boolean', 11],
      ['auto-ack', 'noAck', 'true', undefined, 'boolean', 12],
    ]);
    assert.equal(valueText(text, result.settings[4]!), '-1');
    assert.deepEqual(result.settings.map((s) => s.system), ['kafka', 'kafka', 'kafka', 'kafka', 'kafka', 'rabbitmq', 'rabbitmq']);
  });

  it('flags acks: 0 without a fix (a number cannot become "all" in place), and KafkaJS option names', () => {
    assert.deepEqual(findingRows(result).filter(([id]) => id.startsWith('kafka-')), [['kafka-idempotence-off-reordering', 'warning', 6], ['kafka-acks-zero', 'error', 8]]);
    assert.equal(findingOf(result, 'kafka-acks-zero', 8).fix, undefined);
  });

  it('reads CommonJS files and quoted librdkafka keys the same way', () => {
    const commonjs = [
      "const { Kafka } = require('kafkajs');", // 1
      'const producer = kafka.producer({ allowAutoTopicCreation: true });', // 2
      'await producer.send({ topic: "t", acks: 1, messages });', // 3
    ].join('\n');
    const result = analyze('producer.js', commonjs, 'online');
    assert.deepEqual(rows(result), [['acks', 'acks', '1', undefined, 'number', 3]]);
    assert.deepEqual(findingRows(result), [['kafka-acks-one', 'warning', 3]]);
    const confluent = [
      "const { Producer } = require('@confluentinc/kafka-javascript');", // 1
      "const producer = new Producer({ 'bootstrap.servers': 'b:9092', 'linger.ms': 100 });", // 2
    ].join('\n');
    const rdkafka = analyze('rd.mjs', confluent, 'online');
    assert.deepEqual(rows(rdkafka), [
      ['bootstrap.servers', 'bootstrap.servers', 'b:9092', undefined, 'quoted', 2],
      ['linger.ms', 'linger.ms', '100', undefined, 'number', 2],
    ]);
    assert.deepEqual(fixOf(confluent, findingOf(rdkafka, 'kafka-linger-latency', 2)), ['100', '5']);
  });
});

describe('code settings: nothing without an imported client', () => {
  const cases: Array<[string, string]> = [
    ['conf.py', "import json\nconf = {'linger.ms': 500, 'acks': '0'}\nKafkaProducer(acks=0, linger_ms=100)\nchannel.queue_declare(queue='q', durable=False)\n"],
    ['Props.java', 'import java.util.Properties;\nclass A { void f() { props.put("acks", "0"); props.put(ProducerConfig.LINGER_MS_CONFIG, 100); channel.basicConsume("q", true, cb); } }\n'],
    ['main.go', 'package main\nimport "fmt"\nfunc main() {\n\tconfig := sarama.NewConfig()\n\tconfig.Producer.RequiredAcks = sarama.NoResponse\n\tw := &kafka.Writer{Addr: x}\n\tch.Consume(q, "", true, false, false, false, nil)\n}\n'],
    ['app.ts', "import express from 'express';\nproducer.send({ topic: 't', acks: 0 });\nch.assertQueue('q', { durable: false });\n"],
    ['Program.cs', 'using System;\nvar c = new ProducerConfig { Acks = Acks.None, LingerMs = 100 };\nchannel.Consume("q", true, consumer);\n'],
    ['imported-in-comment.py', "# from kafka import KafkaProducer\n'''import confluent_kafka'''\nconf = {'acks': '0'}\n"],
  ];
  it('C#: a method only RabbitMQ.Client has counts as its import, for projects with a global using', () => {
    const result = analyze('Worker.cs', 'namespace Shop;\nclass Worker { void Start() { channel.BasicConsume("q", true, consumer); } }\n', 'online');
    assert.deepEqual(rows(result).map((r) => r.slice(0, 3)), [['auto-ack', 'autoAck', 'true']]);
  });
  for (const [file, text] of cases) {
    it(`${file}: no settings, no findings`, () => {
      const result = analyze(file, text, 'online');
      assert.deepEqual(rows(result), []);
      assert.deepEqual(result.findings, []);
    });
  }

  it('scans only the systems whose clients are imported', () => {
    const kafkaOnly = "from kafka import KafkaProducer\np = KafkaProducer(acks=0)\nchannel.queue_declare(queue='q', durable=False)\n";
    assert.deepEqual(analyze('k.py', kafkaOnly).settings.map((s) => s.key), ['acks']);
    const rabbitOnly = "import pika\np = KafkaProducer(acks=0)\nchannel.queue_declare(queue='q', durable=False)\n";
    assert.deepEqual(analyze('r.py', rabbitOnly).settings.map((s) => s.key), ['durable']);
  });
});

describe('code settings: look-alikes that are not settings', () => {
  it('ignores variables named like settings at statement level', () => {
    const cases: Array<[string, string]> = [
      ['vars.py', 'import pika\nfrom kafka import KafkaProducer\ndurable = False\nacks = 0\nauto_ack = True\nlinger_ms: int = 100\n'],
      ['vars.ts', "import { Kafka } from 'kafkajs';\nimport amqp from 'amqplib';\nlet acks = 0;\nconst durable = false;\nvar noAck = true;\nacks = 1;\n"],
      ['vars.go', 'package main\nimport (\n\t"github.com/IBM/sarama"\n\t"github.com/rabbitmq/amqp091-go"\n)\nvar acks = 0\nfunc f() {\n\tdurable := false\n\tdurable = true\n\tvar autoAck = true\n\tconfig.Producer.RequiredAcks = sarama.WaitForAll\n}\n'],
      ['Vars.java', 'import com.rabbitmq.client.Channel;\nimport org.apache.kafka.clients.producer.KafkaProducer;\nclass A { int acks = 0; void f() { boolean durable = false; durable = true; int retries = 0; } }\n'],
      ['Vars.cs', 'using Confluent.Kafka;\nusing RabbitMQ.Client;\nvar acks = 0;\nbool durable = false;\ndurable = true;\nif (x) { durable = true; }\n'],
    ];
    for (const [file, text] of cases) {
      const keys = analyze(file, text).settings.filter((s) => !s.implicit).map((s) => `${s.rawKey}=${s.value}`);
      const expected = file === 'vars.go' ? ['RequiredAcks=sarama.WaitForAll'] : [];
      assert.deepEqual(keys, expected, file);
    }
  });

  it('ignores settings mentioned in comments, docstrings and strings', () => {
    const python = [
      '# mq-lens: workload=online',
      'from confluent_kafka import Producer',
      "# producer = Producer({'linger.ms': 500, 'acks': 0})",
      'def make():',
      '    """Build a producer.',
      '',
      "    Example: Producer({'linger.ms': 500, 'acks': '0'})",
      '    """',
      "    '''{\"enable.auto.commit\": True}'''",
      "    text = \"{'linger.ms': 500}\"",
      "    other = f\"{'acks'}: {0}\"",
      '    return Producer(conf)',
    ].join('\n');
    assert.deepEqual(rows(analyze('doc.py', python)), []);
    const typescript = [
      "import { Kafka } from 'kafkajs';",
      '/**',
      ' * Example: producer.send({ acks: 0 })',
      ' */',
      '// await producer.send({ topic: "t", acks: 0 })',
      'const help = `{ acks: 0 }`;',
      "const re = /acks: 0/;",
      "const s = '{ \"linger.ms\": 500 }';",
    ].join('\n');
    assert.deepEqual(rows(analyze('doc.ts', typescript)), []);
    const java = [
      'import org.apache.kafka.clients.producer.KafkaProducer;',
      'class A {',
      '  // props.put("acks", "0");',
      '  /* props.put("linger.ms", 500); */',
      '  String s = "props.put(\\"acks\\", \\"0\\")";',
      '  String t = """',
      '      props.put("acks", "0");',
      '      """;',
      '}',
    ].join('\n');
    assert.deepEqual(rows(analyze('A.java', java)), []);
    const go = 'package main\nimport "github.com/IBM/sarama"\n// config.Producer.RequiredAcks = sarama.NoResponse\nvar s = `config.Producer.RequiredAcks = sarama.NoResponse`\n';
    assert.deepEqual(rows(analyze('doc.go', go)), []);
    const csharp = 'using Confluent.Kafka;\n// new ProducerConfig { Acks = Acks.None }\nvar s = @"new ProducerConfig { Acks = Acks.None }";\nvar t = $"{x} LingerMs = 100";\n';
    assert.deepEqual(rows(analyze('Doc.cs', csharp)), []);
  });

  it('lists values that are expressions as computed, and judges none of them', () => {
    const python = [
      'from kafka import KafkaProducer',
      'p = KafkaProducer(linger_ms=100 * 2, acks=f(x), retries=-n, batch_size=16384 if big else 1)',
      "c = {'linger.ms': 100 + delta, 'acks': \"0\" + s, 'batch.size': int(\"1\"), 'retries': [0]}",
    ].join('\n');
    const java = 'import org.apache.kafka.clients.producer.KafkaProducer;\nclass A { void f() { props.put("linger.ms", 100 * 2); props.put("acks", String.valueOf(0)); props.put(ProducerConfig.RETRIES_CONFIG, a.b()); } }\n';
    const ts = "import { Kafka } from 'kafkajs';\nconst t = { acks: cond ? 0 : 1 };\nconst u = { acks: 0 + 1 };\nconst v = { acks: f(0) };\nconst w = { acks: `${n}` + '' };\n";
    const go = 'package main\nimport "github.com/IBM/sarama"\nfunc f() {\n\tc := sarama.NewConfig()\n\tc.Producer.RequiredAcks = sarama.RequiredAcks(x)\n}\n';
    const csharp = 'using Confluent.Kafka;\nvar c = new ProducerConfig { LingerMs = 5 * 10, Acks = Pick() };\n';
    const cases: Array<[string, string, number]> = [['e.py', python, 8], ['E.java', java, 3], ['e.ts', ts, 4], ['e.go', go, 1], ['E.cs', csharp, 2]];
    for (const [file, text, count] of cases) {
      for (const profile of ['general', 'online', 'streaming'] as const) {
        const result = analyze(file, text, profile);
        assert.equal(result.settings.length, count, `${file}: ${JSON.stringify(rows(result))}`);
        assert.ok(result.settings.every((s) => s.computed === true && s.valueStyle === 'identifier'), file);
        assert.deepEqual(findingRows(result).filter(([id]) => id !== 'client-deprecated'), [], `${file} under ${profile}`);
      }
    }
    assert.deepEqual(analyze('E.java', java).settings.map((s) => s.value), ['100 * 2', 'String.valueOf(0)', 'a.b()']);
  });

  it('reads a bare identifier as a constant without a meaning or a fix', () => {
    const text = '# mq-lens: workload=online\nfrom kafka import KafkaProducer\np = KafkaProducer(retries=RETRIES, linger_ms=settings.LINGER)\n';
    const result = analyze('i.py', text);
    assert.deepEqual(rows(result), [
      ['retries', 'retries', 'RETRIES', undefined, 'identifier', 3],
      ['linger.ms', 'linger_ms', 'settings.LINGER', undefined, 'identifier', 3],
    ]);
    assert.deepEqual(findingRows(result), []);
  });

  it('ignores keys that are values, comparisons and case labels', () => {
    const python = "from kafka import KafkaProducer\nm = {'name': 'acks', 'value': 1}\nif conf['acks'] == '0': pass\nx = 'acks' if y else 0\n";
    assert.deepEqual(rows(analyze('v.py', python)), []);
    const ts = "import { Kafka } from 'kafkajs';\nswitch (k) { case 'acks': return 0; }\nconst v = k ? 'acks' : 0;\nif (o.acks === 0) {}\n";
    assert.deepEqual(rows(analyze('v.ts', ts)), []);
  });

  it('ignores parameter type annotations', () => {
    const ts = "import amqp from 'amqplib';\nimport { Kafka } from 'kafkajs';\nfunction declare(durable: boolean, acks: number) {}\nconst f = (noAck: boolean): void => {};\n";
    assert.deepEqual(rows(analyze('t.ts', ts)), []);
    const kotlin = 'import com.rabbitmq.client.Channel\nfun declare(channel: Channel, durable: Boolean, autoAck: Boolean) {}\n';
    assert.deepEqual(rows(analyze('K.kt', kotlin)), []);
    const rust = 'use rdkafka::config::ClientConfig;\nfn build(acks: i32, linger_ms: u64) {}\n';
    assert.deepEqual(rows(analyze('r.rs', rust)), []);
  });

  it('ignores type members in TypeScript interfaces and type literals', () => {
    const ts = "import { Kafka } from 'kafkajs';\ninterface Options { acks: number; durable: boolean }\ntype Send = { acks: number, timeout: number };\n";
    assert.deepEqual(rows(analyze('types.ts', ts)), []);
  });
});

describe('code settings: map factories', () => {
  it("reads Kotlin's mapOf(key to value)", () => {
    const kotlin = 'import org.apache.kafka.clients.producer.KafkaProducer\nval producer = KafkaProducer<String, String>(mapOf("acks" to "0", ProducerConfig.LINGER_MS_CONFIG to 100))\n';
    assert.deepEqual(rows(analyze('P.kt', kotlin)), [
      ['acks', 'acks', '0', undefined, 'quoted', 2],
      ['linger.ms', 'LINGER_MS_CONFIG', '100', undefined, 'number', 2],
    ]);
  });

  it("reads Java's Map.of(key, value, …)", () => {
    const java = 'import org.apache.kafka.clients.producer.KafkaProducer;\nclass A { void f() { new KafkaProducer<>(Map.of("acks", "0", ProducerConfig.LINGER_MS_CONFIG, 100)); } }\n';
    assert.deepEqual(rows(analyze('M.java', java)), [
      ['acks', 'acks', '0', undefined, 'quoted', 2],
      ['linger.ms', 'LINGER_MS_CONFIG', '100', undefined, 'number', 2],
    ]);
  });
});

describe('code settings: lines and positions', () => {
  it('reports the line of a setting after multi-line strings and comments, LF or CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['from kafka import KafkaProducer', '"""', 'docs', '"""', "s = '''a", "b'''", 'p = KafkaProducer(', '    linger_ms=100)'].join(eol);
      const [setting] = analyze('l.py', text).settings;
      assert.deepEqual([setting!.line, setting!.column], [8, 5], JSON.stringify(eol));
      assert.equal(text.slice(setting!.valueSpan.start, setting!.valueSpan.end), '100');
    }
  });

  it('finds the directive only in a comment', () => {
    const text = 'from kafka import KafkaProducer\ns = "# mq-lens: workload=online"\np = KafkaProducer(linger_ms=100)\n';
    const result = analyze('d.py', text, 'general');
    assert.equal(result.profile, 'general');
    assert.deepEqual(findingRows(result), []);
    assert.equal(lineOf(text, 'linger_ms'), 3);
  });
});

describe('Celery settings Celery defines but MQ Lens has no note for', () => {
  const text = [
    'import os',
    '',
    "CELERY_BROKER_URL = os.environ.get('CELERY_BROKER_URL', 'amqp://guest:guest@localhost//')",
    "CELERY_TASK_DEFAULT_QUEUE = 'orders'",
    'CELERY_TASK_ACKS_LATE = True',
    "timezone = 'UTC'",
    'SITE_NAME = "shop"',
    '',
  ].join('\n');
  const result = analyze('shop/settings.py', text);

  it('lists every name Celery defines, in its canonical form, and nothing else', () => {
    assert.deepEqual(result.settings.map((s) => [s.key, s.rawKey]), [
      ['broker_url', 'CELERY_BROKER_URL'],
      ['task_default_queue', 'CELERY_TASK_DEFAULT_QUEUE'],
      ['task_acks_late', 'CELERY_TASK_ACKS_LATE'],
    ]);
  });

  it('judges only the ones it has notes for', () => {
    assert.deepEqual(result.findings.map((f) => f.ruleId), []);
  });
});

describe('sarama configuration structs', () => {
  const text = [
    'package events', // 1
    '', // 2
    'import (', // 3
    '\t"time"', // 4
    '\t"github.com/IBM/sarama"', // 5
    ')', // 6
    '', // 7
    'func newConfig() *sarama.Config {', // 8
    '\tcfg := sarama.NewConfig()', // 9
    '\tcfg.Producer.Retry.Max = 0', // 10
    '\tcfg.Producer.Flush.Frequency = 200 * time.Millisecond', // 11
    '\tcfg.Consumer.Offsets.Initial = sarama.OffsetNewest', // 12
    '\tcfg.Consumer.Offsets.AutoCommit.Enable = true', // 13
    '\tcfg.Consumer.Return.Errors = true', // 14
    '\treturn cfg', // 15
    '}', // 16
    '',
  ].join('\n');

  it('reads nested fields by their path below the variable, with durations in milliseconds', () => {
    const result = analyze('internal/events/config.go', text);
    assert.deepEqual(result.settings.filter((s) => !s.implicit).map((s) => [s.line, s.key, s.rawKey, s.effectiveValue ?? s.value]), [
      [10, 'retries', 'Producer.Retry.Max', '0'],
      [11, 'linger.ms', 'Producer.Flush.Frequency', '200'],
      [12, 'auto.offset.reset', 'Consumer.Offsets.Initial', 'latest'],
      [13, 'enable.auto.commit', 'Consumer.Offsets.AutoCommit.Enable', 'true'],
    ]);
  });

  it('reads paths only in Go structs: an attribute chain elsewhere is no configuration', () => {
    const python = 'from kafka import KafkaProducer\n\nclass Timer:\n    def reset(self):\n        self.linger.ms = 5\n';
    assert.deepEqual(analyze('app/timer.py', python).settings.filter((s) => !s.implicit).map((s) => s.key), []);
  });
});

describe('Celery names in modules that are not plainly Celery configuration', () => {
  it("does not take an app's own settings next to a Celery import for Celery's", () => {
    const text = [
      'import os',
      'from celery.schedules import crontab',
      'redis_host = os.getenv("REDIS_HOST")',
      'database_url = os.getenv("DATABASE_URL")',
      's3_bucket = "my-app-uploads"',
      '',
    ].join('\n');
    assert.deepEqual(analyze('app/config.py', text).settings.map((s) => s.key), []);
    // In a module named for Celery, the same lower-case names are Celery's.
    assert.deepEqual(analyze('app/celeryconfig.py', 'broker_heartbeat = 10\n').settings.map((s) => s.key), ['broker_heartbeat']);
  });
});
