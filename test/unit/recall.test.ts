// Shapes of real files that are read by their content rather than their name, and settings listed whether or not a
// note explains them.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, applyEdit } from './helpers';

describe('formats known by content', () => {
  it('reads a compose file whatever its name', () => {
    const text = ['services:', '  kafka:', '    image: apache/kafka:3.9.0', '    environment:', '      KAFKA_NODE_ID: 1', '      KAFKA_LOG_DIRS: /tmp/kafka-logs', ''].join('\n');
    const result = analyze('deploy/kafka-cluster.yml', text, 'online');
    assert.deepEqual(result.settings.filter((s) => s.documented !== false).map((s) => `${s.key}=${s.value}`), ['log.dirs=/tmp/kafka-logs']);
    assert.equal(result.format, 'compose');
  });

  it('does not take a CI workflow or an OpenFaaS stack for a compose file', () => {
    const workflow = ['on: [push]', 'jobs:', '  test:', '    services:', '      kafka:', '        image: apache/kafka:3.9.0', ''].join('\n');
    assert.equal(analyze('ci/build.yml', workflow).format, 'yaml');
    const stack = ['provider:', '  name: openfaas', 'functions:', '  orders:', '    image: acme/orders', 'services:', '  x:', '    image: y', ''].join('\n');
    assert.equal(analyze('stack.yml', stack).format, 'yaml');
  });

  it('reads Spring configuration kept outside application*.yml', () => {
    const text = ['spring:', '  kafka:', '    producer:', '      acks: 0', ''].join('\n');
    const result = analyze('config/portal/portal-prod.yaml', text, 'online');
    assert.equal(result.format, 'spring-yaml');
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['kafka-acks-zero']);
    const properties = analyze('config/messaging.properties', 'spring.kafka.producer.acks=0\n', 'online');
    assert.equal(properties.format, 'spring-properties');
    assert.deepEqual(properties.findings.map((f) => f.ruleId), ['kafka-acks-zero']);
  });
});

describe('settings without a note', () => {
  it('lists real Kafka names that no note explains, and never flags them', () => {
    const text = 'bootstrap.servers=b:9092\nssl.truststore.location=/etc/kafka/truststore.jks\nlinger.ms=5\n';
    const result = analyze('client.properties', text);
    const rows = result.settings.map((s) => `${s.key} ${s.documented === false ? 'undocumented' : 'documented'}`);
    assert.ok(rows.includes('ssl.truststore.location undocumented'), rows.join(', '));
    assert.ok(rows.includes('linger.ms documented'));
    assert.deepEqual(result.findings, []);
  });

  it('lists every Spring property under a messaging prefix, undocumented where no note exists, and judges none of them', () => {
    const text = [
      'spring:', // 1
      '  rabbitmq:', // 2
      '    listener:', // 3
      '      simple:', // 4
      '        retry:', // 5
      '          max-attempts: 5', // 6
      '  jms:', // 7
      '    listener:', // 8
      '      max-concurrency: 4', // 9
      '  kafka:', // 10
      '    consumer:', // 11
      '      properties:', // 12
      '        spring.json.trusted.packages: "*"', // 13
      '  datasource:', // 14
      '    url: jdbc:postgresql://db/orders', // 15
      '',
    ].join('\n');
    const result = analyze('src/main/resources/application.yml', text);
    assert.deepEqual(result.settings.map((s) => `${s.line}:${s.system}:${s.key}:${s.documented === false ? 'read' : 'noted'}`), [
      '6:rabbitmq:spring.rabbitmq.listener.simple.retry.max-attempts:read',
      '9:activemq:spring.jms.listener.max-concurrency:read',
      '13:kafka:spring.json.trusted.packages:read',
    ]);
    assert.deepEqual(result.findings, []);
    const properties = analyze('application.properties', 'spring.rabbitmq.listener.simple.retry.enabled=true\nserver.port=8080\n');
    assert.deepEqual(properties.settings.map((s) => `${s.key}:${s.documented === false ? 'read' : 'noted'}`), ['spring.rabbitmq.listener.simple.retry.enabled:read']);
  });

  it('does not list names that are not Kafka names', () => {
    const result = analyze('client.properties', 'bootstrap.servers=b:9092\nlinger.ms=5\nmy.app.feature=true\n');
    assert.ok(!result.settings.some((s) => s.key === 'my.app.feature'));
  });
});

describe('names in code', () => {
  it('reads camel-case setters and properties whatever their casing', () => {
    const text = [
      'import org.springframework.amqp.core.AcknowledgeMode;',
      'class C { void f(Factory factory) { factory.setAcknowledgeMode(AcknowledgeMode.NONE); factory.prefetchCount = 10; } }',
    ].join('\n');
    const rows = analyze('C.java', text).settings.map((s) => `${s.key}=${s.effectiveValue ?? s.value}`);
    assert.deepEqual(rows, ['acknowledge-mode=none', 'prefetch=10']);
  });

  it('does not take a private field for a setting', () => {
    const text = ['import redis', '', 'class Listener:', '    def reset(self):', '        self._pubsub = None', ''].join('\n');
    assert.deepEqual(analyze('listener.py', text).settings, []);
  });
});

describe('deprecated clients', () => {
  it('are reported once per file, on the first import, however many classes the file imports', () => {
    const text = [
      'import com.amazonaws.services.sqs.AmazonSQS;',
      'import com.amazonaws.services.sqs.AmazonSQSClientBuilder;',
      'import com.amazonaws.services.sqs.model.ReceiveMessageRequest;',
      'class Poller { AmazonSQS sqs = AmazonSQSClientBuilder.defaultClient(); }',
    ].join('\n');
    const findings = analyze('Poller.java', text).findings.filter((f) => f.ruleId === 'client-deprecated');
    assert.deepEqual(findings.map((f) => f.line), [1]);
  });
});

describe('delivery modes', () => {
  it('reads aio-pika\'s DeliveryMode.NOT_PERSISTENT as a transient message', () => {
    const text = ['import aio_pika', '', 'async def send(exchange, body):', '    await exchange.publish(aio_pika.Message(body, delivery_mode=aio_pika.DeliveryMode.NOT_PERSISTENT), routing_key="orders")', ''].join('\n');
    const findings = analyze('publisher.py', text, 'online').findings.map((f) => f.ruleId);
    assert.ok(findings.includes('rabbitmq-transient-messages'), findings.join(', '));
  });
});

describe('client idioms read since the real-code survey', () => {
  const rowsOf = (path: string, text: string, workload?: 'online' | 'general' | 'streaming') =>
    analyze(path, text, workload).settings.map((s) => `${s.line}:${s.key}=${s.effectiveValue ?? s.value}`);

  it('reads JMS session modes and per-send delivery modes, but only as named constants', () => {
    const text = [
      'import jakarta.jms.*;', // 1
      'class Sender {', // 2
      '  void send(Connection connection, ConnectionFactory factory, int mode) throws Exception {', // 3
      '    Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);', // 4
      '    Session other = connection.createSession(false, mode);', // 5
      '    JMSContext context = factory.createContext("u", "p", JMSContext.DUPS_OK_ACKNOWLEDGE);', // 6
      '    producer.send(message, DeliveryMode.NON_PERSISTENT, 4, 0);', // 7
      '    producer.send(message);', // 8
      '  }', // 9
      '}', // 10
    ].join('\n');
    assert.deepEqual(rowsOf('src/main/java/Sender.java', text), [
      '4:session-acknowledge-mode=client', '6:session-acknowledge-mode=dups_ok', '7:delivery-mode=non-persistent',
    ]);
    const findings = analyze('src/main/java/Sender.java', text, 'online').findings;
    assert.deepEqual(findings.map((f) => `${f.line}:${f.ruleId}`), ['7:activemq-non-persistent-delivery']);
    assert.equal(findings[0]!.fix, undefined, 'a constant argument is never rewritten in place');
  });

  it("reads Pulsar builder chains, converting a time unit into the key's unit, and nothing outside a chain", () => {
    const text = [
      'import org.apache.pulsar.client.api.*;', // 1
      'class Producers {', // 2
      '  Producer<byte[]> create(PulsarClient client, Retry retry) throws Exception {', // 3
      '    retry.sendTimeout(5);', // 4
      '    return client.newProducer()', // 5
      '        .topic("orders")', // 6
      '        .enableBatching(true)', // 7
      '        .batchingMaxPublishDelay(50, TimeUnit.MILLISECONDS)', // 8
      '        .blockIfQueueFull(false)', // 9
      '        .create();', // 10
      '  }', // 11
      '}', // 12
    ].join('\n');
    assert.deepEqual(rowsOf('src/main/java/Producers.java', text), [
      '7:batchingEnabled=true', '8:batchingMaxPublishDelayMicros=50000', '9:blockIfQueueFull=false',
    ]);
    const finding = analyze('src/main/java/Producers.java', text, 'online').findings.find((f) => f.ruleId === 'pulsar-batching-delay-online');
    assert.ok(finding, 'a 50 ms window on an online path is reported');
    assert.equal(finding.line, 8);
    assert.equal(finding.fix, undefined, '50 with a time unit is not a value in microseconds, so no fix writes 1000 there');
  });

  it('reads franz-go options wherever the options are gathered, with durations in milliseconds', () => {
    const text = [
      'package main', // 1
      '', // 2
      'import (', // 3
      '\t"time"', // 4
      '\t"github.com/twmb/franz-go/pkg/kgo"', // 5
      ')', // 6
      '', // 7
      'func client(acks kgo.Acks) (*kgo.Client, error) {', // 8
      '\topts := []kgo.Opt{kgo.SeedBrokers("k:9092"), kgo.RequiredAcks(kgo.LeaderAck()), kgo.ProducerLinger(50 * time.Millisecond)}', // 9
      '\topts = append(opts, kgo.RecordRetries(0), kgo.DisableAutoCommit(), kgo.ConsumeResetOffset(kgo.NewOffset().AtEnd()))', // 10
      '\topts = append(opts, kgo.RequiredAcks(acks))', // 11
      '\treturn kgo.NewClient(opts...)', // 12
      '}', // 13
    ].join('\n');
    assert.deepEqual(rowsOf('main.go', text), [
      '9:acks=1', '9:linger.ms=50', '10:retries=0', '10:enable.auto.commit=false', '10:auto.offset.reset=latest',
    ]);
    const findings = analyze('main.go', text, 'online').findings;
    assert.deepEqual(findings.map((f) => `${f.line}:${f.ruleId}`).sort(), ['10:kafka-auto-offset-reset-latest', '10:kafka-retries-zero', '9:kafka-acks-one', '9:kafka-linger-latency']);
    // Options written as calls with constants or durations are never rewritten in place; a plain number argument is.
    assert.deepEqual(findings.filter((f) => f.fix).map((f) => f.ruleId), ['kafka-retries-zero']);
    const fixed = applyEdit(text, findings.find((f) => f.ruleId === 'kafka-retries-zero')!.fix!.edit);
    assert.ok(fixed.includes('kgo.RecordRetries(2147483647), kgo.DisableAutoCommit()'), fixed);
  });

  it('reads KafkaJS consumer and run options', () => {
    const text = [
      "import { Kafka } from 'kafkajs';", // 1
      "const consumer = kafka.consumer({ groupId: 'g', sessionTimeout: 45000, heartbeatInterval: 3000 });", // 2
      'await consumer.run({ autoCommit: false, eachMessage });', // 3
    ].join('\n');
    assert.deepEqual(rowsOf('consumer.ts', text), [
      '2:group.id=g', '2:session.timeout.ms=45000', '2:heartbeat.interval.ms=3000', '3:enable.auto.commit=false',
    ]);
  });
});

describe('RabbitMQ queue and exchange flags by position', () => {
  it('reads exclusive, auto-delete, exchange durability and mandatory in Java, Spring AMQP, Go and C#', () => {
    const java = [
      'import com.rabbitmq.client.Channel;', // 1
      'import org.springframework.amqp.core.DirectExchange;', // 2
      'class Declare {', // 3
      '  void f(Channel ch, byte[] body) throws Exception {', // 4
      '    ch.exchangeDeclare("orders", "direct", false, true);', // 5
      '    ch.queueDeclare("orders.created", true, false, true, null);', // 6
      '    ch.basicPublish("orders", "created", true, null, body);', // 7
      '    ch.basicPublish("orders", "created", null, body);', // 8
      '  }', // 9
      '  DirectExchange exchange() { return new DirectExchange("audit", true, false); }', // 10
      '}', // 11
    ].join('\n');
    const rowsOf = (path: string, text: string) => analyze(path, text).settings.map((s) => `${s.line}:${s.key}=${s.value}`);
    assert.deepEqual(rowsOf('src/main/java/Declare.java', java), [
      '5:durable=false', '5:auto-delete=true', '6:durable=true', '6:exclusive=false', '6:auto-delete=true', '7:mandatory=true',
      '10:durable=true', '10:auto-delete=false',
    ]);
    // A non-durable exchange is not a non-durable queue.
    assert.deepEqual(analyze('src/main/java/Declare.java', java, 'online').findings.map((f) => f.ruleId), []);
    const go = [
      'package main', // 1
      'import amqp "github.com/rabbitmq/amqp091-go"', // 2
      'func declare(ch *amqp.Channel, ctx context.Context) {', // 3
      '\tch.QueueDeclare("jobs", true, false, true, false, nil)', // 4
      '\tch.ExchangeDeclare("events", "topic", true, false, false, false, nil)', // 5
      '\tch.PublishWithContext(ctx, "events", "job.done", false, false, amqp.Publishing{})', // 6
      '}', // 7
    ].join('\n');
    assert.deepEqual(rowsOf('main.go', go), [
      '4:durable=true', '4:auto-delete=false', '4:exclusive=true', '5:durable=true', '5:auto-delete=false',
      // The channel comes from the caller and nothing here asks for confirms (the rule asks the rest of the workspace).
      '6:publish-unconfirmed=on a channel without publisher confirms', '6:mandatory=false',
    ]);
    const csharp = [
      'using RabbitMQ.Client;', // 1
      'class Bus {', // 2
      '  void Declare(IModel channel) {', // 3
      '    channel.ExchangeDeclare("events", ExchangeType.Fanout, true, false, null);', // 4
      '    channel.QueueDeclare("billing", true, false, false, null);', // 5
      '  }', // 6
      '}', // 7
    ].join('\n');
    assert.deepEqual(rowsOf('Bus.cs', csharp), ['4:durable=true', '4:auto-delete=false', '5:durable=true', '5:exclusive=false', '5:auto-delete=false']);
  });
});

describe('Kafka Connect workers in compose files', () => {
  it("reads a worker's CONNECT_* variables as the Connect, client and override settings they become", () => {
    const text = [
      'services:', // 1
      '  connect:', // 2
      '    image: confluentinc/cp-kafka-connect:7.9.0', // 3
      '    environment:', // 4
      '      CONNECT_BOOTSTRAP_SERVERS: broker:29092', // 5
      '      CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR: 3', // 6
      '      CONNECT_PRODUCER_COMPRESSION_TYPE: lz4', // 7
      '      CONNECT_PLUGIN_PATH: /usr/share/java', // 8
      '      CONNECT_LOG4J_ROOT_LOGLEVEL: INFO', // 9
      '      KAFKA_HEAP_OPTS: -Xmx1g', // 10
      '      CONNECT_SECURITY_PROTOCOL: SASL_PLAINTEXT', // 11
      '      CONNECT_SASL_MECHANISM: PLAIN', // 12
      '      CONNECT_REPLICATION_FACTOR: 1', // 13
      '',
    ].join('\n');
    const result = analyze('deploy/connect.yml', text);
    const rows = result.settings.map((s) => `${s.line}:${s.key}:${s.documented === false ? 'read' : 'noted'}`);
    assert.deepEqual(rows, [
      '5:bootstrap.servers:read', '6:config.storage.replication.factor:read', '7:producer.compression.type:read', '8:plugin.path:read',
      '11:security.protocol:noted', '12:sasl.mechanism:noted', '13:replication.factor:read',
    ]);
    // A worker's security settings are judged like any client's; its replication settings concern a cluster the file
    // may not describe, and are only listed.
    assert.deepEqual(result.findings.map((f) => `${f.line}:${f.ruleId}`), ['12:kafka-sasl-plain-cleartext']);
  });

  it("reads the client settings of Confluent's other components: Schema Registry, ksqlDB, REST Proxy, Control Center", () => {
    const text = [
      'services:', // 1
      '  schema-registry:', // 2
      '    image: confluentinc/cp-schema-registry:8.2.0', // 3
      '    environment:', // 4
      '      SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL: SASL_SSL', // 5
      '      SCHEMA_REGISTRY_HOST_NAME: schema-registry', // 6
      '  ksqldb:', // 7
      '    image: confluentinc/cp-ksqldb-server:8.2.0', // 8
      '    environment:', // 9
      '      KSQL_AUTO_OFFSET_RESET: earliest', // 10
      '      KSQL_KSQL_STREAMS_PRODUCER_RETRIES: 2147483647', // 11
      '      KSQL_KSQL_INTERNAL_TOPIC_REPLICAS: 3', // 12
      '  rest-proxy:', // 13
      '    image: confluentinc/cp-kafka-rest:8.2.0', // 14
      '    environment:', // 15
      '      KAFKA_REST_SASL_MECHANISM: PLAIN', // 16
      '      KAFKA_REST_HOST_NAME: rest-proxy', // 17
      '',
    ].join('\n');
    const result = analyze('cp/docker-compose.yml', text);
    assert.deepEqual(result.settings.map((s) => `${s.line}:${s.key}`), ['5:security.protocol', '10:auto.offset.reset', '11:retries', '16:sasl.mechanism']);
  });
});

describe('Celery settings', () => {
  const rowsOf = (path: string, text: string) => analyze(path, text).settings.map((s) => `${s.line}:${s.system}:${s.key}=${s.effectiveValue ?? s.value}`);

  it('reads Django CELERY_ names, old names and products, under the broker the module names', () => {
    const text = [
      'import os', // 1
      'REDIS_URL = os.environ["REDIS_URL"]', // 2
      'CELERY_BROKER_URL = REDIS_URL', // 3
      'CELERY_TASK_ACKS_LATE = True', // 4
      'CELERYD_PREFETCH_MULTIPLIER = 1', // 5
      'CELERY_TASK_TIME_LIMIT = 30 * 60', // 6
      'CELERY_ACCEPT_CONTENT = ["json"]', // 7
      'CELERY_BEAT_SCHEDULE = {}', // 8
      'CELERY_TASK_SOFT_TIME_LIMIT: Final[int] = get_int("SOFT_LIMIT", 1500)', // 9: annotated, computed
      'CELERY_TASK_ALWAYS_EAGER: bool = False', // 10
    ].join('\n');
    assert.deepEqual(rowsOf('config/settings.py', text), [
      // Names Celery defines without a note of MQ Lens's (the broker URL, the beat schedule) are listed too.
      '3:redis:broker_url=REDIS_URL',
      '4:redis:task_acks_late=true', '5:redis:worker_prefetch_multiplier=1', '6:redis:task_time_limit=1800', '7:redis:accept_content=json',
      '8:redis:beat_schedule={ }',
      '9:redis:task_soft_time_limit=get_int("SOFT_LIMIT", 1500)', '10:redis:task_always_eager=false',
    ]);
  });

  it('reads app.conf assignments and conf.update keywords, with RabbitMQ as the default broker', () => {
    const text = [
      'from celery import Celery', // 1
      'app = Celery("shop")', // 2
      'app.conf.task_acks_late = True', // 3
      'app.conf.update(task_reject_on_worker_lost=True, worker_prefetch_multiplier=4)', // 4
      'app.conf.broker_transport_options = {"visibility_timeout": 7200}', // 5
    ].join('\n');
    assert.deepEqual(rowsOf('shop/celery.py', text), [
      '3:rabbitmq:task_acks_late=true', '4:rabbitmq:task_reject_on_worker_lost=true', '4:rabbitmq:worker_prefetch_multiplier=4',
      '5:redis:visibility_timeout=7200',
    ]);
  });

  it("reads only Celery's own keys, and only at module level, in code that imports Celery", () => {
    const text = [
      'from celery import Celery', // 1
      'def drain(connection, queue):', // 2
      '    task_acks_late = True', // 3: a local variable, not a setting
      '    consumer = connection.Consumer(', // 4
      '        queue,', // 5
      '        no_ack=True,', // 6: kombu's argument, not a Celery setting
      '    )', // 7
    ].join('\n');
    assert.deepEqual(rowsOf('worker/drain.py', text), []);
  });

  it('reads nothing from modules that have nothing to do with Celery', () => {
    const text = ['task_time_limit = 30', 'accept_content = ["json", "pickle"]', ''].join('\n');
    assert.deepEqual(rowsOf('scheduler/limits.py', text), []);
    assert.deepEqual(analyze('scheduler/limits.py', text).findings, []);
  });
});

describe('real Kafka names without a note, in code', () => {
  it("lists them from string keys and the client's config constants, whatever their suffix", () => {
    const java = [
      'import org.apache.kafka.clients.producer.ProducerConfig;', // 1
      'import org.apache.kafka.common.config.SaslConfigs;', // 2
      'class Props { void f(java.util.Properties props, String jaas) {', // 3
      '  props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);', // 4
      '  props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1048576);', // 5
      '  props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas);', // 6
      '  props.put("ssl.truststore.location", "/etc/kafka/truststore.jks");', // 7
      '  props.put("app.feature.flag", "x");', // 8
      '} }', // 9
    ].join('\n');
    const rows = analyze('src/main/java/Props.java', java).settings.map((s) => `${s.line}:${s.key}:${s.documented === false ? 'read' : 'noted'}`);
    assert.deepEqual(rows, [
      '4:max.in.flight.requests.per.connection:noted', '5:max.request.size:read', '6:sasl.jaas.config:read', '7:ssl.truststore.location:read',
    ]);
    // The same names in a file that imports no Kafka client are nobody's settings.
    assert.deepEqual(analyze('src/main/java/Other.java', java.split('\n').slice(2).join('\n')).settings, []);
  });
});

describe('Spring AMQP builders', () => {
  it('reads QueueBuilder.durable and ExchangeBuilder chains, and never takes an exchange for a queue', () => {
    const text = [
      'import org.springframework.amqp.core.*;', // 1
      'class Topology {', // 2
      '  Queue orders() { return QueueBuilder.durable("orders").quorum().build(); }', // 3
      '  Exchange events() { return ExchangeBuilder.topicExchange("events").durable(false).build(); }', // 4
      '  Queue scratch() { return QueueBuilder.nonDurable("scratch").build(); }', // 5
      '}', // 6
    ].join('\n');
    const result = analyze('src/main/java/Topology.java', text, 'online');
    assert.deepEqual(result.settings.map((s) => `${s.line}:${s.key}=${s.value}:${s.entity?.kind ?? '-'}`), ['3:durable=true:queue', '4:durable=false:exchange', '5:durable=false:queue']);
    assert.deepEqual(result.findings.map((f) => `${f.line}:${f.ruleId}`), ['5:rabbitmq-queue-not-durable']);
  });
});
