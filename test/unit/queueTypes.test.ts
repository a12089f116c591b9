// Which files declare RabbitMQ queues only as quorum queues or streams, in the syntaxes real code uses.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { declaresReplicatedQueuesOnly } from '../../src/core/context/queueTypes';

describe('quorum and stream queue declarations', () => {
  it('recognises the queue type however it is written', () => {
    for (const text of [
      "ch.assertQueue('q', { arguments: { 'x-queue-type': 'quorum' } })",
      'channel.queue_declare(queue="q", arguments={"x-queue-type": "stream"})',
      'args.put("x-queue-type", "quorum");',
      'amqp.Table{"x-queue-type": amqp.QueueTypeQuorum}',
      'return QueueBuilder.durable("orders").quorum().build();',
      'arguments:\n  x-queue-type: quorum\n',
      '{"queues":[{"name":"q","arguments":{"x-queue-type":"quorum"}}]}',
    ]) assert.equal(declaresReplicatedQueuesOnly(text), true, text);
  });

  it('says nothing where a classic queue is declared too, or no type at all', () => {
    for (const text of [
      'args.put("x-queue-type", "quorum"); other.put("x-queue-type", "classic");',
      "ch.assertQueue('q', { durable: true })",
      'orders.stream().map(x -> x).collect(toList());',
      '// quorum of reviewers agreed',
    ]) assert.equal(declaresReplicatedQueuesOnly(text), false, text);
  });
});

describe('quorum queues and the transient-message rule, in context', () => {
  it('still warns where a comment names a quorum queue or another queue is declared without a type', async () => {
    const { analyze } = await import('./helpers');
    const commented = [
      'import pika',
      '# TODO: migrate to arguments={"x-queue-type": "quorum"}',
      'channel.queue_declare(queue="orders", durable=True)',
      'channel.basic_publish(exchange="", routing_key="orders", body=b, properties=pika.BasicProperties(delivery_mode=1))',
      '',
    ].join('\n');
    const transient = (text: string) => analyze('svc/publisher.py', text).findings.map((f) => f.ruleId).filter((id) => id === 'rabbitmq-transient-messages');
    assert.deepEqual(transient(commented), ['rabbitmq-transient-messages']);
    const mixed = [
      'import pika',
      'channel.queue_declare(queue="events", durable=True, arguments={"x-queue-type": "quorum"})',
      'channel.queue_declare(queue="orders", durable=True)',
      'channel.basic_publish(exchange="", routing_key="orders", body=b, properties=pika.BasicProperties(delivery_mode=1))',
      '',
    ].join('\n');
    assert.deepEqual(transient(mixed), ['rabbitmq-transient-messages']);
  });
});
