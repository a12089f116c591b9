// Property test: a quick fix changes only the bytes it means to change, whatever surrounds the setting.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdit } from './helpers';

const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
const blank = fc.constantFrom('', ' ', '  ', '\t');
const separator = fc.constantFrom('=', ' = ', ':', ' : ', ' ', '\t=\t');
const otherLine = fc.oneof(
  fc.constantFrom('# a comment', '! another', '', 'acks=all', 'bootstrap.servers=a:9092', 'client.id=checkout-\u00e9\u00df'),
  fc.string({ unit: fc.constantFrom('a', 'b', '.', '=', ' ', '#', 'é', '中', '\u{1F600}'), maxLength: 30 })
    .filter((s) => !/linger|queue|\\/.test(s)),
);

describe('quick fix safety', () => {
  it('replaces exactly the offending value and leaves every other character as it was', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(otherLine, lineEnd), { maxLength: 6 }),
      fc.array(fc.tuple(otherLine, lineEnd), { maxLength: 6 }),
      blank, fc.constantFrom('linger.ms', 'queue.buffering.max.ms'), separator, fc.integer({ min: 21, max: 100000 }), blank,
      fc.boolean(),
      (before, after, indent, key, sep, value, trailing, finalNewline) => {
        const head = `# mq-lens: workload=online\n${before.map(([l, e]) => l + e).join('')}`;
        const tail = after.map(([l, e]) => l + e).join('');
        const line = `${indent}${key}${sep}${value}${trailing}`;
        const text = `${head}${line}${finalNewline ? '\n' : ''}${finalNewline ? tail : ''}`;
        const findings = analyze('producer.properties', text).findings.filter((f) => f.ruleId === 'kafka-linger-latency');
        const target = findings.find((f) => text.slice(f.span.start).startsWith(`${key}`) && f.span.start === head.length + indent.length);
        assert.ok(target?.fix, `no fixable finding in ${JSON.stringify(text)}`);
        const fixed = applyEdit(text, target.fix.edit);
        const valueStart = head.length + indent.length + key.length + sep.length;
        const expected = text.slice(0, valueStart) + '5' + text.slice(valueStart + String(value).length);
        assert.equal(fixed, expected);
        // And the fixed file no longer triggers the rule on that line.
        const again = analyze('producer.properties', fixed).findings.filter((f) => f.span.start === target.span.start);
        assert.deepEqual(again, []);
      },
    ), { numRuns: 300 });
  });
});
