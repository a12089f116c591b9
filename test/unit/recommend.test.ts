// The recommender: scenario tests that encode the lesson's own conclusions and its readers' questions, exclusions
// with reasons, determinism, the answers schema, and the texts it produces.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyzeText } from '../../src/core/analyze';
import { bundledClientIndex, bundledKeyIndex, knowledge } from '../../src/core/bundledKnowledge';
import { validateAnswers, type Answers } from '../../src/core/recommend/answers';
import { formatNumber, recommend } from '../../src/core/recommend/recommend';
import { adrMarkdown, impliedProfile, profileFor, recommendationMarkdown } from '../../src/core/recommend/report';

const top = (answers: Answers, n = 1) => recommend(answers, knowledge).ranking.slice(0, n).map((r) => r.broker);
const excluded = (answers: Answers) => recommend(answers, knowledge).excluded.map((e) => e.broker);
const rank = (answers: Answers, broker: string) => recommend(answers, knowledge).ranking.findIndex((r) => r.broker === broker);

describe('the lesson\'s conclusions', () => {
  it('online business (orders, payments) puts RocketMQ first, and tells Kafka users what batching costs', () => {
    const answers: Answers = { useCase: 'online-transactions', lossTolerance: 'none', ordering: 'per-key', latencyTargetMs: 20 };
    assert.deepEqual(top(answers), ['rocketmq']);
    // Kafka is not marked down for the use case itself (its p99 meets most online targets); the latency answer brings
    // the batching caution instead.
    const kafka = recommend(answers, knowledge).ranking.find((r) => r.broker === 'kafka')!;
    assert.ok(kafka.cautions.some((c) => /linger\.ms/.test(c)), kafka.cautions.join('\n'));
    assert.ok(!kafka.cautions.some((c) => /^Online business/.test(c)));
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

  it('a PHP shop: every candidate without a maintained PHP client is marked down, the others name one', () => {
    const result = recommend({ useCase: 'async-integration', languages: ['php'] }, knowledge);
    const withPhp = new Set(knowledge.clients.filter((c) => c.language === 'php' && (c.status === 'active' || c.status === 'low-activity')).map((c) => c.broker));
    assert.ok(withPhp.size > 0 && withPhp.size < knowledge.brokers.length);
    for (const r of result.ranking) {
      if (!withPhp.has(r.broker)) {
        assert.ok(r.cautions.some((c) => /No maintained .* client is known for PHP/.test(c)), r.broker);
      } else {
        const reason = r.reasons.find((c) => /^Clients in PHP/.test(c));
        const names = knowledge.clients.filter((c) => c.broker === r.broker && c.language === 'php').map((c) => c.name);
        assert.ok(reason && names.some((n) => reason.includes(n)), `${r.broker}: ${reason}`);
      }
    }
  });

  it('takes each broker\'s languages from the maintained clients in the catalogue, never from a list of its own', () => {
    for (const broker of knowledge.brokers) {
      const maintained = knowledge.clients.filter((c) => c.broker === broker.id && (c.status === 'active' || c.status === 'low-activity'));
      assert.deepEqual(broker.languages, [...new Set(maintained.map((c) => c.language))].sort(), broker.id);
    }
    // An unmaintained or deprecated client does not make a language available.
    const stale = knowledge.clients.filter((c) => c.status === 'unmaintained' || c.status === 'deprecated');
    for (const client of stale) {
      const broker = knowledge.brokers.find((b) => b.id === client.broker)!;
      assert.ok(!(broker.clientsByLanguage[client.language] ?? []).includes(client.name), client.id);
    }
  });

  it('JMS: brokers with a maintained JMS client stay in, RocketMQ (no maintained JMS) is ruled out', () => {
    const out = excluded({ protocols: ['jms'] });
    assert.ok(out.includes('rocketmq'));
    for (const broker of ['activemq', 'rabbitmq', 'azure-service-bus', 'aws-sqs']) assert.ok(!out.includes(broker), broker);
    assert.notEqual(top({ protocols: ['jms'], hosting: 'self-hosted' })[0], 'rocketmq');
  });

  it('a capped delay rules a broker out, with its limit, when any delay is needed', () => {
    const result = recommend({ delayedMessages: 'arbitrary', hosting: 'aws' }, knowledge);
    const sqs = result.excluded.find((e) => e.broker === 'aws-sqs');
    assert.ok(sqs?.reasons.some((c) => /^Delays of any length: Amazon SQS delays a message by 15 minutes at most/.test(c)), JSON.stringify(sqs));
    // Fixed delay levels are within the cap: SQS stays in, with the delay as a reason.
    const fixed = recommend({ delayedMessages: 'fixed-levels', hosting: 'aws' }, knowledge).ranking.find((r) => r.broker === 'aws-sqs');
    assert.ok(fixed?.reasons.some((c) => /Fixed delay levels/.test(c)));
    // Google Pub/Sub has no scheduled delivery at all: ruled out, not merely unconfirmed.
    assert.ok(excluded({ delayedMessages: 'arbitrary' }).includes('google-pubsub'));
  });

  it('says so where persistence holds only with non-default settings, and credits it less', () => {
    const result = recommend({ lossTolerance: 'none' }, knowledge);
    const rocketmq = result.ranking.find((r) => r.broker === 'rocketmq')!;
    assert.ok(rocketmq.reasons.some((c) => /persists messages, with non-default settings/.test(c)), rocketmq.reasons.join('\n'));
    assert.ok(rocketmq.cautions.some((c) => /only non-default settings/.test(c) && /SYNC_MASTER/.test(c)), rocketmq.cautions.join('\n'));
    const sqs = result.ranking.find((r) => r.broker === 'aws-sqs')!;
    assert.ok(sqs.score > rocketmq.score, 'persistence that holds as installed earns more');
    // Pulsar and JMS brokers persist unless a topic or producer opts out: a reason, not the optional-persistence penalty.
    for (const id of ['pulsar', 'activemq']) {
      const r = result.ranking.find((x) => x.broker === id)!;
      assert.ok(r.reasons.some((c) => /persists messages unless/.test(c)), id);
      assert.ok(!r.cautions.some((c) => /optional and must be switched on/.test(c)), id);
    }
  });

  it('never credits persistence as complete where the profile itself says the defaults lose acknowledged messages', () => {
    for (const broker of knowledge.brokers) {
      const persistence = broker.capabilities.persistence;
      const losesAcknowledged = broker.weaknesses.some((w) => /acknowledged/.test(w) && /\b(lost|lose|drop)/.test(w));
      if (losesAcknowledged && (persistence.value === 'always' || persistence.value === 'default')) {
        assert.ok(persistence.caveat, `${broker.id}: a weakness says acknowledged messages can be lost, so the persistence reason needs its caveat`);
        const ranked = recommend({ lossTolerance: 'none' }, knowledge).ranking.find((r) => r.broker === broker.id)!;
        assert.match(ranked.reasons.find((r) => /^Loss not allowed/.test(r)) ?? '', /with non-default settings/, broker.id);
        // The caveat is a caution, so the decision record lists it among the consequences of choosing this broker.
        assert.ok(ranked.cautions.some((c) => c.includes(persistence.caveat!)), broker.id);
      }
    }
  });

  it('on a cloud with a managed offering, the operations answer is judged once, against that offering', () => {
    const kafka = recommend({ hosting: 'aws', opsCapacity: 'minimal' }, knowledge).ranking.find((r) => r.broker === 'kafka')!;
    assert.ok(kafka.reasons.some((c) => /Amazon MSK/.test(c) && /Nobody to operate it/.test(c)), kafka.reasons.join('\n'));
    assert.ok(!kafka.cautions.some((c) => /Nobody to operate it/.test(c)), kafka.cautions.join('\n'));
    const selfHosted = recommend({ hosting: 'self-hosted', opsCapacity: 'minimal' }, knowledge).ranking.find((r) => r.broker === 'kafka')!;
    assert.ok(selfHosted.cautions.some((c) => /Nobody to operate it/.test(c)));
  });

  it('treats a benchmark figure as a limit only where it describes the whole system', () => {
    const score = (answers: Answers, broker: string) => recommend(answers, knowledge).ranking.find((r) => r.broker === broker)!;
    // RabbitMQ's published figure is one quorum queue: a higher peak is a caution, not a penalty.
    const rabbit = score({ peakMessagesPerSecond: 200_000 }, 'rabbitmq');
    assert.equal(rabbit.score, score({}, 'rabbitmq').score);
    assert.ok((rabbit.notes ?? []).some((c) => /one quorum queue/.test(c)), JSON.stringify(rabbit));
    assert.ok(!rabbit.cautions.some((c) => /one quorum queue/.test(c)), 'a benchmark remark is no reason against');
    // Rates read as people write them.
    assert.ok(score({ peakMessagesPerSecond: 100_000 }, 'zeromq').reasons.some((c) => /768k msg\/s/.test(c)));
    assert.deepEqual([999_999, 767_917, 1_250_000, 80_000, 950].map(formatNumber), ['1M', '768k', '1.25M', '80k', '950']);
  });

  it('takes a language id for a language only: an object property name is none', () => {
    const kafka = recommend({ languages: ['constructor'] }, knowledge).ranking.find((r) => r.broker === 'kafka')!;
    assert.ok(kafka.cautions.some((c) => /No maintained .* client is known for Constructor/.test(c)), kafka.cautions.join('\n'));
    assert.ok(!kafka.reasons.some((c) => /function|native code/.test(c)));
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

  it('maps answers to a workload profile, and keeps the workspace\'s where the answers imply none', () => {
    assert.equal(profileFor({ useCase: 'online-transactions' }), 'online');
    assert.equal(profileFor({ useCase: 'logs-metrics-tracking' }), 'streaming');
    assert.equal(profileFor({ useCase: 'async-integration' }), 'general');
    assert.equal(profileFor({ latencyTargetMs: 10 }), 'online');
    assert.equal(impliedProfile({}), undefined);
    assert.equal(impliedProfile({ hosting: 'aws' }), undefined);
    assert.equal(profileFor({ hosting: 'aws' }, 'online'), 'online');
    assert.equal(profileFor({ useCase: 'logs-metrics-tracking' }, 'online'), 'streaming');
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
