import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { generatedDocs } from '../../tools/knowledge/build';
import { loadKnowledge } from '../../tools/knowledge/load';
import { ROOT } from './helpers';

/** A scratch copy of the knowledge folder that a test may break. */
function scratchKnowledge(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mq-lens-knowledge-'));
  fs.cpSync(path.join(ROOT, 'knowledge'), path.join(dir, 'knowledge'), { recursive: true });
  return dir;
}

describe('knowledge pipeline', () => {
  it('validates the shipped knowledge base with no problems', () => {
    const { problems, knowledge, files } = loadKnowledge(ROOT);
    assert.deepEqual(problems, []);
    assert.ok(files.length >= 4);
    assert.ok(knowledge.rules.length >= 1 && knowledge.keys.length >= 1);
  });

  it('gives every fact a source', () => {
    const { knowledge } = loadKnowledge(ROOT);
    for (const key of knowledge.keys) {
      assert.ok(key.sources.length > 0, key.key);
      for (const d of key.defaults) assert.ok(d.source.length > 8, `${key.key} default ${d.value}`);
    }
    for (const rule of knowledge.rules) assert.ok(rule.references.every((r) => r.startsWith('https://')), rule.id);
  });

  it('names the file, line and reason of a schema violation', () => {
    const dir = scratchKnowledge();
    const file = path.join(dir, 'knowledge/rules/kafka-linger-latency.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('online: warning', 'online: loud'));
    const { problems } = loadKnowledge(dir);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.file, 'knowledge/rules/kafka-linger-latency.yaml');
    assert.equal(problems[0]!.line, 6);
    assert.match(problems[0]!.message, /\/severity\/online must be equal to one of the allowed values/);
  });

  it('reports broken YAML with its position instead of throwing', () => {
    const dir = scratchKnowledge();
    fs.writeFileSync(path.join(dir, 'knowledge/brokers/broken.yaml'), 'id: kafka\nname: [unclosed\n');
    const { problems } = loadKnowledge(dir);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.file, 'knowledge/brokers/broken.yaml');
    assert.ok(problems[0]!.line >= 2);
  });

  it('rejects duplicate ids and rules that read unknown keys', () => {
    const dir = scratchKnowledge();
    const rule = fs.readFileSync(path.join(dir, 'knowledge/rules/kafka-linger-latency.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'knowledge/rules/kafka-other.yaml'), rule.replace('key: linger.ms', 'key: lingr.ms'));
    const messages = loadKnowledge(dir).problems.map((p) => `${p.file}: ${p.message}`);
    assert.ok(messages.some((m) => m.includes("duplicate rule id 'kafka-linger-latency'")), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes("must match its file name")), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes("reads key 'lingr.ms'")), messages.join('\n'));
  });

  it('has committed docs/rules pages that match the rule metadata', () => {
    const docs = generatedDocs(ROOT);
    assert.ok(docs);
    for (const [file, text] of docs) {
      const committed = fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file), 'utf8') : '(missing)';
      assert.equal(committed, text, `${file} is stale: run npm run build and commit it`);
    }
  });
});
