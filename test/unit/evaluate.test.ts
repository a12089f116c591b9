// The rule evaluator against a small knowledge base written for the test, so each feature is exercised on its own.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyzeText } from '../../src/core/analyze';
import { KeyIndex } from '../../src/core/keyIndex';
import type { KeyInfo, Knowledge, RuleInfo } from '../../src/core/knowledgeTypes';

function key(name: string, aliases: string[] = []): KeyInfo {
  return { key: name, system: 'kafka', scope: 'producer', aliases, summary: 'S.', defaults: [], effects: {}, sources: ['test'] };
}

function rule(id: string, fields: Partial<RuleInfo>): RuleInfo {
  return {
    id, name: id, system: 'kafka', summary: 'S.', severity: { online: 'warning', streaming: 'warning', general: 'warning' },
    message: 'M {value}.', why: 'W', fix: { title: 'F' }, examples: { bad: [], good: [] }, references: [], versionNotes: [], ...fields,
  };
}

const knowledge: Knowledge = {
  brokers: [], clients: [], wizard: { steps: [], useCases: [], faq: [], starters: [] }, names: {},
  keys: [key('enable.idempotence'), key('max.in.flight.requests.per.connection', ['max.in.flight']), key('acks', ['request.required.acks']),
    key('delivery.timeout.ms'), key('linger.ms'), key('request.timeout.ms'), key('min.insync.replicas'), key('default.replication.factor')],
  rules: [
    rule('idempotence-off-reorders', {
      when: { key: 'enable.idempotence', op: 'eq', value: false },
      and: [{ key: 'max.in.flight', op: 'gt', value: 1 }],
      message: 'Idempotence is {value} with {value:max.in.flight.requests.per.connection} in flight.',
    }),
    rule('acks-disables-idempotence', {
      when: { key: 'acks', op: 'in', value: ['0', '1'] },
      and: [{ key: 'enable.idempotence', op: 'absent' }],
      fix: { title: 'Set acks to all', replacement: 'all' },
    }),
    rule('budget', { check: 'delivery-timeout-budget', message: 'Budget {value} < {budget}.' }),
    rule('isr', { check: 'min-isr-vs-replication', message: 'ISR {value} vs {replicas}.' }),
  ],
};
const keys = new KeyIndex(knowledge);
const run = (text: string, file = 'producer.properties') => analyzeText({ file, text, keys, profile: 'general' }).findings;

describe('rule evaluation', () => {
  it('needs every `and` condition, and points at the other setting', () => {
    const findings = run('enable.idempotence=false\nmax.in.flight=5\n');
    assert.deepEqual(findings.map((f) => [f.ruleId, f.message, f.line]), [['idempotence-off-reorders', 'Idempotence is false with 5 in flight.', 1]]);
    assert.deepEqual(findings[0]!.related!.map((r) => [r.line, r.message]), [[2, 'max.in.flight is 5 here.']]);
    assert.deepEqual(run('enable.idempotence=false\nmax.in.flight=1\n'), []);
    assert.deepEqual(run('enable.idempotence=false\n'), []);
  });

  it('honours `absent`: an explicit setting elsewhere in the scope silences the rule', () => {
    assert.equal(run('acks=1\n').length, 1);
    assert.equal(run('acks=1\nenable.idempotence=true\n').length, 0);
  });

  it('keeps scopes apart: services in a compose file do not see each other', () => {
    const compose = 'services:\n  a:\n    environment:\n      KAFKA_ACKS: "1"\n  b:\n    environment:\n      KAFKA_ENABLE_IDEMPOTENCE: "true"\n';
    assert.deepEqual(run(compose, 'docker-compose.yml').map((f) => [f.ruleId, f.line]), [['acks-disables-idempotence', 4]]);
  });

  it('checks the delivery timeout budget with the Java default for an unset request timeout', () => {
    assert.deepEqual(run('delivery.timeout.ms=20000\nlinger.ms=100\n').map((f) => f.message), ['Budget 20000 < 30100.']);
    assert.deepEqual(run('delivery.timeout.ms=30100\nlinger.ms=100\n'), []);
    const related = run('delivery.timeout.ms=1000\nrequest.timeout.ms=5000\n')[0]!.related!;
    assert.deepEqual(related.map((r) => r.line), [2]);
  });

  it('flags min.insync.replicas at or above the replication factor, not below it or without one', () => {
    assert.deepEqual(run('default.replication.factor=3\nmin.insync.replicas=3\n').map((f) => f.message), ['ISR 3 vs 3.']);
    assert.deepEqual(run('default.replication.factor=3\nmin.insync.replicas=2\n'), []);
    assert.deepEqual(run('min.insync.replicas=2\n'), []);
  });

  it('applies severity overrides, including off', () => {
    const text = 'acks=0\n';
    const level = (overrides: Record<string, 'off' | 'error'>) => analyzeText({ file: 'producer.properties', text, keys, profile: 'general', overrides }).findings.map((f) => f.severity);
    assert.deepEqual(level({ 'acks-disables-idempotence': 'error' }), ['error']);
    assert.deepEqual(level({ 'acks-disables-idempotence': 'off' }), []);
  });

  it('writes fixes in the value\'s own style and never for constants', () => {
    const quoted = 'services:\n  a:\n    environment:\n      KAFKA_ACKS: "1"\n';
    const [finding] = run(quoted, 'docker-compose.yml');
    assert.equal(quoted.slice(finding!.fix!.edit.span.start, finding!.fix!.edit.span.end), '1');
    assert.equal(finding!.fix!.edit.newText, 'all');
  });
});
