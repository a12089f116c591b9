import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ignoreLineEdit } from '../../src/core/suppress';
import { analyze, applyEdit } from './helpers';

const ONLINE = '# mq-lens: workload=online\n';

describe('mq-lens: ignore directives', () => {
  it('silences a finding from the line above, for all rules or the named one', () => {
    assert.equal(analyze('producer.properties', `${ONLINE}# mq-lens: ignore\nlinger.ms=100\n`).findings.length, 0);
    assert.equal(analyze('producer.properties', `${ONLINE}# mq-lens: ignore kafka-linger-latency\nlinger.ms=100\n`).findings.length, 0);
    assert.equal(analyze('producer.properties', `${ONLINE}# mq-lens: ignore kafka-other-rule\nlinger.ms=100\n`).findings.length, 1);
  });

  it('reaches only the next line', () => {
    assert.equal(analyze('producer.properties', `${ONLINE}# mq-lens: ignore\nacks=all\nlinger.ms=100\n`).findings.length, 1);
  });

  it('works as a trailing comment in YAML', () => {
    const yaml = `${ONLINE}spring.kafka.properties.linger.ms: 100 # mq-lens: ignore kafka-linger-latency\n`;
    assert.equal(analyze('application.yml', yaml).findings.length, 0);
    assert.equal(analyze('application.yml', `${ONLINE}spring.kafka.properties.linger.ms: 100\n`).findings.length, 1);
  });

  it('the "ignore this line" edit inserts an indented directive that silences the finding', () => {
    for (const newline of ['\n', '\r\n']) {
      const text = `# mq-lens: workload=online${newline}spring:${newline}  kafka.properties.linger.ms: 100${newline}`;
      const result = analyze('application.yml', text);
      assert.equal(result.findings.length, 1);
      const edit = ignoreLineEdit(text, result.findings[0]!, result.lineComment, result.lines);
      const fixed = applyEdit(text, edit);
      assert.equal(fixed, text.replace(`  kafka.properties`, `  # mq-lens: ignore kafka-linger-latency${newline}  kafka.properties`));
      assert.equal(analyze('application.yml', fixed).findings.length, 0);
    }
  });
});
