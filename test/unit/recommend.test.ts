// The recommender: scenario tests that encode the lesson's own conclusions and its readers' questions, exclusions
// with reasons, determinism, the answers schema, and the texts it produces.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyzeText } from '../../src/core/analyze';
import { bundledClientIndex, bundledKeyIndex, knowledge } from '../../src/core/bundledKnowledge';
import { validateAnswers, type Answers } from '../../src/core/recommend/answers';
import { recommend } from '../../src/core/recommend/recommend';
import { adrMarkdown, profileFor, recommendationMarkdown } from '../../src/core/recommend/report';

const top = (answers: Answers, n = 1) => recommend(answers, knowledge).ranking.slice(0, n).map((r) => r.broker);
const excluded = (answers: Answers) => recommend(answers, knowledge).excluded.map((e) => e.broker);
const rank = (answers: Answers, broker: string) => recommend(answers, knowledge).ranking.findIndex((r) => r.broker === broker);

describe('the lesson\'s conclusions', () => {
  it('online business (orders, payments) puts RocketMQ first, and Kafka below RabbitMQ', () => {
    const answers: Answers = { useCase: 'online-transactions', lossTolerance: 'none', ordering: 'per-key', latencyTargetMs: 20 };
    assert.deepEqual(top(answers), ['rocketmq']);
    assert.ok(rank(answers, 'rabbitmq') < rank(answers, 'kafka'));
    const kafka = recommend(answers, knowledge).ranking.find((r) => r.broker === 'kafka')!;
    assert.ok(kafka.cautions.some((c) => /linger\.ms/.test(c)), kafka.cautions.join('\n'));
  });

  it('massive logs and tracking data put Kafka first, Pulsar second', () => {
    assert.deepEqual(top({ useCase: 'logs-metrics-tracking', peakMessagesPerSecond: 1_000_000, lossTolerance: 'acceptable', bigDataIntegration: true, replay: true }, 2), ['kafka', 'pulsar']);
  });

  it('simple decoupling for a small self-hosting team puts RabbitMQ first', () => {
    assert.deepEqual(top({ useCase: 'async-integration', opsCapacity: 'small-team', hosting: 'self-hosted' }), ['rabbitmq']);
  });
});

describe('the readers\' questions', () => {
  it('banking without loss or duplicates: no in-memory or at-most-once products, and a transactional winner', () => {
    const answers: Answers = { useCase: 'online-transactions', lossTolerance: 'none', duplicateTolerance: 'none', transactions: true, hosting: 'self-hosted' };
    const result = recommend(answers, knowledge);
    for (const broker of ['zeromq', 'nsq']) assert.ok(excluded(answers).includes(broker), broker);
    const winner = knowledge.brokers.find((b) => b.id === result.ranking[0]!.broker)!;
    assert.equal(winner.capabilities.transactions.value, true);
    assert.equal(winner.capabilities.persistence.value, 'always');
  });

  it('IoT offline detection with cancellable delays excludes every product that cannot cancel a delay', () => {
    const answers: Answers = { useCase: 'iot-telemetry', delayedMessages: 'cancellable' };
    const result = recommend(answers, knowledge);
    for (const r of result.ranking) {
      const value = knowledge.brokers.find((b) => b.id === r.broker)!.capabilities.delayedMessages.value;
      assert.ok(value === 'cancellable' || value === 'unknown', `${r.broker} ranks with delays ${value}`);
    }
    for (const broker of ['kafka', 'rabbitmq', 'mqtt']) {
      const entry = result.excluded.find((e) => e.broker === broker);
      assert.ok(entry, `${broker} is not excluded`);
      assert.match(entry.reasons.join(' '), /cancel|delay/i);
    }
    assert.ok(result.ranking.some((r) => r.broker === 'rocketmq'));
    assert.ok(result.ranking.some((r) => r.broker === 'azure-service-bus'));
  });

  it('Redis as a queue: where Redis already runs and jobs may rarely be lost, Redis leads, with a persistence caution', () => {
    const answers: Answers = { useCase: 'task-queue', existingInfra: ['redis'], lossTolerance: 'rare', opsCapacity: 'minimal' };
    const result = recommend(answers, knowledge);
    assert.equal(result.ranking[0]!.broker, 'redis');
    assert.ok(result.ranking[0]!.cautions.some((c) => /persistence/i.test(c)));
    // And when nothing may be lost, Redis is no longer the first choice.
    assert.notEqual(top({ useCase: 'task-queue', existingInfra: ['redis'], lossTolerance: 'none' })[0], 'redis');
  });

  it('cloud versus self-hosted: on AWS with no one to run it, SQS leads; self-hosted rules managed services out', () => {
    assert.deepEqual(top({ useCase: 'async-integration', hosting: 'aws', opsCapacity: 'minimal' }), ['aws-sqs']);
    const ruledOut = excluded({ useCase: 'async-integration', hosting: 'self-hosted' });
    for (const service of ['aws-sqs', 'aws-sns', 'google-pubsub', 'azure-service-bus']) assert.ok(ruledOut.includes(service), service);
    const azure = recommend({ hosting: 'azure' }, knowledge).excluded.find((e) => e.broker === 'aws-sqs');
    assert.match(azure!.reasons[0]!, /Runs on Azure, but Amazon SQS is a service of another cloud/);
  });

  it('a Go shop: every candidate without a Go client is marked down with the reason', () => {
    const result = recommend({ useCase: 'async-integration', languages: ['go'] }, knowledge);
    for (const r of result.ranking) {
      const hasGo = knowledge.brokers.find((b) => b.id === r.broker)!.languages.includes('go');
      if (!hasGo) assert.ok(r.cautions.some((c) => /client listed for Go/.test(c)), r.broker);
      else assert.ok(r.reasons.some((c) => /Clients in Go/.test(c)), r.broker);
    }
  });

  it('in-process messaging puts ZeroMQ first and heavy clusters last', () => {
    const result = recommend({ useCase: 'in-process-messaging' }, knowledge);
    assert.equal(result.ranking[0]!.broker, 'zeromq');
    assert.ok(rank({ useCase: 'in-process-messaging' }, 'pulsar') > result.ranking.length - 4);
  });
});

describe('recommender mechanics', () => {
  it('is deterministic, and with no answers ranks every broker at the neutral score', () => {
    const answers: Answers = { useCase: 'stream-processing', replay: true, languages: ['java', 'python'] };
    assert.deepEqual(recommend(answers, knowledge), recommend(answers, knowledge));
    const empty = recommend({}, knowledge);
    assert.equal(empty.excluded.length, 0);
    assert.equal(empty.ranking.length, knowledge.brokers.length);
    assert.ok(empty.ranking.every((r) => r.score === 50 && r.reasons.length === 0));
  });

  it('keeps every score within 0 to 100 and every reason and caution a sentence', () => {
    const answers: Answers = { useCase: 'online-transactions', opsCapacity: 'minimal', languages: ['php', 'rust', 'cpp'], multiTenant: true, geoReplication: true, routing: 'flexible', retentionDays: 30 };
    for (const r of recommend(answers, knowledge).ranking) {
      assert.ok(r.score >= 0 && r.score <= 100);
      for (const text of [...r.reasons, ...r.cautions]) assert.match(text, /^[A-Z0-9].*[.)]$/s, text);
    }
  });

  it('validates answers and names every problem', () => {
    assert.deepEqual(validateAnswers({ useCase: 'task-queue', replay: true, protocols: ['amqp'] }).problems, []);
    const bad = validateAnswers({ useCase: 'x', replay: 'yes', protocols: ['smtp'], extra: 1, peakMessagesPerSecond: -5 });
    assert.equal(bad.problems.length, 5);
    assert.deepEqual(validateAnswers([]).problems, ['answers must be a JSON object']);
  });

  it('maps answers to a workload profile', () => {
    assert.equal(profileFor({ useCase: 'online-transactions' }), 'online');
    assert.equal(profileFor({ useCase: 'logs-metrics-tracking' }), 'streaming');
    assert.equal(profileFor({ useCase: 'async-integration' }), 'general');
    assert.equal(profileFor({ latencyTargetMs: 10 }), 'online');
  });

  it('writes a summary and an ADR with context, decision, alternatives and consequences', () => {
    const answers: Answers = { useCase: 'online-transactions', lossTolerance: 'none' };
    const result = recommend(answers, knowledge);
    const summary = recommendationMarkdown(answers, result, knowledge);
    assert.match(summary, /^# Message queue recommendation/);
    assert.match(summary, /- What will the messages carry\? Online business/);
    assert.match(summary, /1\. \*\*Apache RocketMQ\*\*/);
    const adr = adrMarkdown({ number: 7, date: '2026-11-25', answers, result, knowledge });
    assert.match(adr, /^# 7\. Choose a message queue: Apache RocketMQ/);
    for (const section of ['## Context', '## Decision', '## Alternatives considered', '## Consequences']) assert.ok(adr.includes(section), section);
    assert.match(adr, /\(ruled out\)/);
  });
});

describe('wizard knowledge', () => {
  it('offers starting configurations that MQ Lens itself judges clean under their profile', () => {
    assert.ok(knowledge.wizard.starters.length >= 8);
    for (const starter of knowledge.wizard.starters) {
      const findings = analyzeText({ file: starter.file, text: starter.code, keys: bundledKeyIndex(), clients: bundledClientIndex(), profile: starter.profile }).findings;
      const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(serious.map((f) => `${f.ruleId}: ${f.message}`), [], `${starter.broker}/${starter.profile} ${starter.file}`);
      assert.ok(analyzeText({ file: starter.file, text: starter.code, keys: bundledKeyIndex(), profile: starter.profile }).settings.length >= 2, `${starter.broker}/${starter.profile} has settings MQ Lens reads`);
    }
  });

  it('has a question for every field of the answers schema, and FAQ answers with sources', () => {
    const fields = knowledge.wizard.steps.flatMap((s) => s.questions.map((q) => q.field)).sort();
    assert.deepEqual(fields, ['bigDataIntegration', 'delayedMessages', 'duplicateTolerance', 'existingInfra', 'geoReplication', 'hosting', 'languages', 'latencyTargetMs', 'lossTolerance', 'multiTenant', 'opsCapacity', 'ordering', 'peakMessagesPerSecond', 'priorities', 'protocols', 'replay', 'retentionDays', 'routing', 'transactions', 'useCase']);
    assert.ok(knowledge.wizard.faq.length >= 8);
    for (const entry of knowledge.wizard.faq) assert.ok(entry.sources.length > 0, entry.id);
  });
});
