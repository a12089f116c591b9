// Every rule is exercised by its fixtures (test/fixtures/rules/<id>/) and by the examples in its own YAML.
// Fixture files mark each expected finding with a comment `~^ <rule-id>` on the line below the finding's first line;
// each extra `^` points one more line up (`~^^` is two lines above), as in Clippy's UI tests.
// The test demands an exact match: no missing and no extra findings.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { knowledge } from '../../src/core/bundledKnowledge';
import { analyze, ROOT } from './helpers';

const FIXTURES = path.join(ROOT, 'test/fixtures/rules');
const MARKER = /~(\^+)\s*([a-z0-9-]+)/;

/** Expected `line:ruleId` pairs from the markers. */
function expectedFindings(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const match = MARKER.exec(line);
    if (match) expected.push(`${index + 1 - match[1]!.length}:${match[2]}`);
  });
  return expected.sort();
}

describe('rule fixtures', () => {
  for (const rule of knowledge.rules) {
    describe(rule.id, () => {
      const dir = path.join(FIXTURES, rule.id);
      const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];

      it('has a bad and a good fixture', () => {
        assert.ok(files.some((f) => f.startsWith('bad')), `missing ${dir}/bad.*`);
        assert.ok(files.some((f) => f.startsWith('good')), `missing ${dir}/good.*`);
      });

      for (const name of files) {
        it(`${name} yields exactly the marked findings`, () => {
          const text = fs.readFileSync(path.join(dir, name), 'utf8');
          // The fixture's name carries the format (bad.producer.properties -> producer.properties).
          const fileName = name.replace(/^(bad|good)[^.]*\./, '');
          const actual = analyze(fileName, text).findings.map((f) => `${f.line}:${f.ruleId}`).sort();
          const expected = expectedFindings(text);
          if (name.startsWith('good')) assert.ok(!expected.some((e) => e.endsWith(`:${rule.id}`)), 'a good fixture must not expect this rule');
          else assert.ok(expected.some((e) => e.endsWith(`:${rule.id}`)), 'a bad fixture must expect this rule');
          assert.deepEqual(actual, expected);
        });
      }

      it('flags each bad example in its documentation and none of the good ones', () => {
        for (const example of rule.examples.bad) {
          const ids = analyze(example.file, example.code).findings.map((f) => f.ruleId);
          assert.ok(ids.includes(rule.id), `bad example "${example.title}" is not flagged`);
        }
        for (const example of rule.examples.good) {
          const ids = analyze(example.file, example.code).findings.map((f) => f.ruleId);
          assert.ok(!ids.includes(rule.id), `good example "${example.title}" is flagged`);
        }
      });
    });
  }
});
