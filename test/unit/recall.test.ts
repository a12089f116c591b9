// Shapes of real files that are read by their content rather than their name, and settings listed whether or not a
// note explains them.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from './helpers';

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
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['kafka-acks-disables-idempotence', 'kafka-acks-zero']);
    const properties = analyze('config/messaging.properties', 'spring.kafka.producer.acks=0\n', 'online');
    assert.equal(properties.format, 'spring-properties');
    assert.deepEqual(properties.findings.map((f) => f.ruleId), ['kafka-acks-disables-idempotence', 'kafka-acks-zero']);
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
