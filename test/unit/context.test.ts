// Context as plain data: a file's role from its path, the user's globs, and the deployment a compose file or a
// Strimzi resource defines (brokers per cluster, the Kafka version an image runs).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fileRole } from '../../src/core/context/role';
import { globToRegExp } from '../../src/core/context/glob';
import { kafkaVersionOfImage } from '../../src/core/context/deployment';
import { inRange } from '../../src/core/rules/context';
import { analyzeText } from '../../src/core/analyze';
import { bundledClientIndex, bundledKeyIndex } from '../../src/core/bundledKnowledge';

describe('file roles', () => {
  const role = (relative: string, rootName?: string) => fileRole(rootName === undefined ? { relative } : { relative, rootName }).role;

  it('reads test trees and test file names in every layout met in real repositories', () => {
    for (const path of [
      'src/test/java/com/acme/OrdersTest.java', 'src/integrationTest/java/OrdersIT.java', 'tests/test_consumer.py',
      't/unit/test_redis.py', 'consumer_test.go', 'pkg/kafka/consumer.spec.ts', 'src/__tests__/worker.ts',
      'tests/MassTransit.KafkaIntegration.Tests/docker-compose.yml', 'src/Acme.Bus.UnitTests/BusSpecs.cs',
      'test/Acme/ExchangeBind_Specs.cs', 'src/Orders/BusSpecs.cs', 'src/test/scala/OrdersSpec.scala', 'web/consumer.test.js', 'app/tests.py', 'spring-kafka-test/src/main/java/EmbeddedKafka.java', 'e2e/compose.yml',
      'benchmarks/latency/producer.properties', 'OrdersIT.java', 'conftest.py', 'src/it/java/Smoke.java', '.ci/linux/rabbitmq.conf', '.github/compose/kafka.yml',
    ]) assert.equal(role(path), 'test', path);
  });

  it('reads samples, tutorials and documentation', () => {
    for (const path of ['examples/producer.py', '_examples/basic/docker-compose.yml', 'samples/sample-07/compose.yaml', 'spring-boot-sample-kafka/src/main/java/App.java', 'getting-started/server.properties']) {
      assert.equal(role(path), 'sample', path);
    }
    for (const path of ['docs/kafka.yaml', 'documentation/configuring/server.properties', 'docs-site/kafka.yaml']) assert.equal(role(path), 'docs', path);
    assert.equal(role('python/receive.py', 'rabbitmq-tutorials'), 'sample');
    // One application built as a showcase is judged like production code.
    assert.equal(role('src/checkout/kafka/producer.go', 'opentelemetry-demo'), 'production');
    // Below src/main/java a directory is a package name: Spring Initializr's com.example is an application's package.
    assert.equal(role('runner/src/main/java/com/example/runner/CoreService.java'), 'production');
    assert.equal(role('src/main/kotlin/com/example/demo/OrderListener.kt'), 'production');
    assert.equal(role('examples/orders/src/main/java/com/example/OrderListener.java'), 'sample');
    assert.equal(role('src/test/java/com/example/OrderListenerTest.java'), 'test');
  });

  it('keeps production code production, whatever words hide inside names', () => {
    // Each of these is production code in a real repository, whatever a word in its name suggests.
    for (const path of [
      'src/main/java/com/acme/AbTestService.java', 'services/latest/consumer.go', 'app/contest/producer.py', 'deploy/kafka.yaml',
      'src/specification/Orders.java', 'cruise-control/src/main/java/monitor/sampling/SampleStore.java',
      'cruise-control/src/main/java/monitor/sampling/PartitionMetricSample.java', 'mall-mbg/src/main/java/com/macro/mall/model/UmsAdminExample.java',
      'shenyu-plugin/shenyu-plugin-mock/src/main/java/MockPlugin.java', 'redis-persistence/src/main/java/JedisMock.java',
      'shenyu-client/shenyu-client-api-docs-annotations/src/main/java/ApiDoc.java', 'src/Identity.API/Quickstart/Account/AccountController.cs',
      'api/src/main/java/io/strimzi/api/kafka/model/kafka/KafkaSpec.java', 'src/main/java/com/acme/TestimonialConsumer.java',
    ]) {
      assert.equal(role(path, 'orders-platform'), 'production', path);
    }
  });

  it('lets the user decide by glob, over every guess', () => {
    const decided = fileRole({ relative: 'examples/billing/producer.properties' }, { 'examples/billing/**': 'production' });
    assert.deepEqual(decided, { role: 'production', reason: "the setting's glob 'examples/billing/**'" });
    assert.equal(fileRole({ relative: 'labs/one/app.py' }, { 'labs/**': 'sample' }).role, 'sample');
  });

  it('matches globs as files.exclude does', () => {
    assert.ok(globToRegExp('**/it/**').test('src/it/java/A.java'));
    assert.ok(globToRegExp('*.Tests').test('src/Acme.Tests/x.cs'));
    assert.ok(globToRegExp('{labs,demo}/**').test('demo/a.py'));
    assert.ok(!globToRegExp('src/*.py').test('src/a/b.py'));
  });
});

describe('deployment context', () => {
  it('knows the Kafka version an image runs, Confluent Platform tags included', () => {
    assert.equal(kafkaVersionOfImage('confluentinc/cp-kafka:7.4.0'), '3.4');
    assert.equal(kafkaVersionOfImage('confluentinc/cp-server:8.0.1'), '4.0');
    assert.equal(kafkaVersionOfImage('confluentinc/cp-kafka:6.2.1'), '2.8');
    assert.equal(kafkaVersionOfImage('confluentinc/cp-kafka:5.5.3'), '2.5');
    assert.equal(kafkaVersionOfImage('apache/kafka:3.9.0'), '3.9');
    assert.equal(kafkaVersionOfImage('ghcr.io/acme/image-mirror-confluentinc-cp-kafka:6.2.0'), '2.8');
    assert.equal(kafkaVersionOfImage('bitnami/kafka:4.0'), '4.0');
    assert.equal(kafkaVersionOfImage('${REGISTRY}/cp-server:${TAG}'), undefined);
    assert.equal(kafkaVersionOfImage('confluentinc/cp-kafka:latest'), undefined);
  });

  it('compares versions against a rule\'s range', () => {
    assert.ok(inRange('4.1', '>= 4.0'));
    assert.ok(!inRange('3.4', '>= 4.0'));
    assert.ok(inRange('3.9', '< 4.0'));
  });
});

describe('context and severity overrides', () => {
  it('keeps a rule silent where it does not apply, whatever severity the user gave it', () => {
    const text = "import amqp from 'amqplib';\nchannel.consume('amq.rabbitmq.reply-to', onReply, { noAck: true });\n";
    const result = analyzeText({ file: 'rpc.ts', text, keys: bundledKeyIndex(), clients: bundledClientIndex(), profile: 'online', overrides: { 'rabbitmq-auto-ack': 'error' } });
    assert.deepEqual(result.findings.map((f) => f.ruleId), []);
  });
});

describe('a redis.conf that may be a cache', () => {
  const text = 'maxmemory 2gb\nmaxmemory-policy allkeys-lru\nappendonly no\n';
  const judge = (relative: string, body = text) => analyzeText({
    file: relative, text: body, keys: bundledKeyIndex(), clients: bundledClientIndex(), profile: 'online', where: { relative },
  }).findings.map((f) => `${f.line}:${f.ruleId}:${f.severity}${f.context ? ':noted' : ''}`);

  it('keeps the queue-loss rules to information, with a note, where nothing says the Redis holds queues', () => {
    assert.deepEqual(judge('deploy/cache/redis.conf'), ['2:redis-eviction-policy-evicts-queues:info:noted', '3:redis-appendonly-off:info:noted']);
  });

  it('warns where the path or a comment says it serves queues, jobs or streams', () => {
    assert.deepEqual(judge('deploy/sidekiq/redis.conf'), ['2:redis-eviction-policy-evicts-queues:warning', '3:redis-appendonly-off:warning']);
    assert.deepEqual(judge('deploy/redis.conf', `# Redis for the Celery job queues\n${text}`), ['3:redis-eviction-policy-evicts-queues:warning', '4:redis-appendonly-off:warning']);
  });

  it("reads the file's own header, not the stock documentation about streams further down", () => {
    const stock = `# Redis configuration file example.\nbind 0.0.0.0\n${text}# STREAMS: stream-node-max-bytes sets the size of a stream node; queues of messages...\n`;
    assert.deepEqual(judge('deploy/redis.conf', stock), ['4:redis-eviction-policy-evicts-queues:info:noted', '5:redis-appendonly-off:info:noted']);
  });
});
