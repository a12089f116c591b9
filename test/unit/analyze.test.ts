import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, applyEdit } from './helpers';

describe('analyzeText on producer.properties', () => {
  const text = 'bootstrap.servers=b1:9092\nlinger.ms=100\n';

  it('warns about a long linger.ms under the online profile, naming the value', () => {
    const { findings } = analyze('producer.properties', text, 'online');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding!.ruleId, 'kafka-linger-latency');
    assert.equal(finding!.severity, 'warning');
    assert.match(finding!.message, /linger\.ms is 100/);
    assert.deepEqual([finding!.line, finding!.column, finding!.endLine, finding!.endColumn], [2, 1, 2, 14]);
  });

  it('stays silent under the streaming and general profiles', () => {
    assert.deepEqual(analyze('producer.properties', text, 'streaming').findings, []);
    assert.deepEqual(analyze('producer.properties', text, 'general').findings, []);
  });

  it('lets an inline directive override the configured profile', () => {
    const online = analyze('producer.properties', `# mq-lens: workload=online\n${text}`, 'streaming');
    assert.equal(online.profile, 'online');
    assert.equal(online.findings.length, 1);
    const streaming = analyze('producer.properties', `! mq-lens: workload=streaming\n${text}`, 'online');
    assert.equal(streaming.profile, 'streaming');
    assert.equal(streaming.findings.length, 0);
  });

  it('ignores a directive naming an unknown profile', () => {
    const result = analyze('producer.properties', `# mq-lens: workload=batch\n${text}`, 'general');
    assert.equal(result.profile, 'general');
  });

  it('does not flag values at or below the threshold, or values that are not numbers', () => {
    for (const value of ['0', '5', '20', 'abc', '', '1e3']) {
      assert.deepEqual(analyze('producer.properties', `linger.ms=${value}\n`, 'online').findings, [], value);
    }
    assert.equal(analyze('producer.properties', 'linger.ms=21\n', 'online').findings.length, 1);
  });

  it('recognises the librdkafka alias and reports the canonical key', () => {
    const { settings, findings } = analyze('client.properties', 'queue.buffering.max.ms=250\n', 'online');
    assert.deepEqual(settings.map((s) => [s.key, s.rawKey, s.value]), [['linger.ms', 'queue.buffering.max.ms', '250']]);
    assert.equal(findings.length, 1);
  });

  it('reads nothing from files that are not a known format', () => {
    const result = analyze('notes.txt', 'linger.ms=100', 'online');
    assert.deepEqual([result.settings, result.findings], [[], []]);
  });

  it('offers a fix that replaces only the value', () => {
    const source = 'linger.ms = 100   \n';
    const [finding] = analyze('producer.properties', source, 'online').findings;
    assert.equal(finding!.fix!.title, 'Set linger.ms to 5');
    assert.equal(source.slice(finding!.fix!.edit.span.start, finding!.fix!.edit.span.end), '100');
  });
});

describe('misspelled Kafka keys', () => {
  it('suggests the closest real name and renames only the key', () => {
    const text = 'bootstrap.servers=b:9092\nlinger.msec = 100\n';
    const [finding] = analyze('producer.properties', text, 'online').findings.filter((f) => f.ruleId === 'kafka-unknown-key');
    assert.equal(finding!.message, 'linger.msec is not a Kafka configuration name: the Java client ignores it (librdkafka-based clients refuse it). Did you mean linger.ms?');
    const fixed = applyEdit(text, finding!.fix!.edit);
    assert.equal(fixed, 'bootstrap.servers=b:9092\nlinger.ms = 100\n');
    // Now the setting takes effect, and is judged.
    assert.deepEqual(analyze('producer.properties', fixed, 'online').findings.map((f) => f.ruleId), ['kafka-linger-latency']);
  });

  it('leaves real names alone, documented or not, and keys far from any Kafka name', () => {
    const text = 'bootstrap.servers=b:9092\nssl.keystore.location=/k.jks\nsasl.mechanism=PLAIN\nmy.application.flag=true\nzookeeper.connect=zk:2181\n';
    assert.deepEqual(analyze('producer.properties', text).findings.filter((f) => f.ruleId === 'kafka-unknown-key'), []);
  });
});
