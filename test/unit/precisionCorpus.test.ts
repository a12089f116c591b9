// The precision corpus (test/fixtures/precision/): small repositories reproducing shapes met in real ones. Each is
// checked the way a user checks a repository (`mq-lens check . --workload online`), and the findings must be exactly
// the marked ones, severity included: `~^ <rule-id> <severity>` under the finding's line, one more `^` per line up.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/main';
import { ROOT } from './helpers';

const CORPUS = path.join(ROOT, 'test/fixtures/precision');
const MARKER = /~(\^+)\s*([a-z0-9-]+)\s+(error|warning|info|hint)\b/;

interface Row { file: string; line: number; ruleId: string; severity: string; fix?: unknown; context?: { note: string } }

function filesUnder(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function expected(repository: string): string[] {
  const rows: string[] = [];
  for (const file of filesUnder(repository)) {
    fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/).forEach((text, index) => {
      const match = MARKER.exec(text);
      if (match) rows.push(`${path.relative(repository, file).split(path.sep).join('/')}:${index + 1 - match[1]!.length} ${match[2]} ${match[3]}`);
    });
  }
  return rows.sort();
}

function check(repository: string, ...extra: string[]): Row[] {
  let stdout = '';
  const code = run(['check', '.', '--workload', 'online', '--format', 'json', ...extra], { cwd: repository, stdout: (t) => (stdout += t), stderr: () => undefined });
  assert.ok(code === 0 || code === 1, `check exited with ${code}`);
  return (JSON.parse(stdout) as { findings: Row[] }).findings;
}

describe('precision corpus', () => {
  const repositories = fs.readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

  it('has repositories with marked findings and warnings that must stay', () => {
    assert.ok(repositories.length >= 6);
    const all = repositories.flatMap((r) => expected(path.join(CORPUS, r)));
    assert.ok(all.some((row) => / (warning|error)$/.test(row)), 'the corpus keeps useful warnings, not only silence');
  });

  for (const repository of repositories) {
    it(`${repository}: exactly the marked findings, at the marked severities`, () => {
      const directory = path.join(CORPUS, repository);
      const actual = check(directory).map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`).sort();
      assert.deepEqual(actual, expected(directory));
    });
  }

  it('says why a finding was lowered, and offers no fix that would break a single-broker setup', () => {
    const findings = check(path.join(CORPUS, 'orders-platform'));
    const test = findings.find((f) => f.ruleId === 'kafka-acks-zero')!;
    assert.deepEqual(test.context, { role: 'test', note: "Shown as a hint because this file is test code (file name 'OrderEventsTest.java')." });
    const single = findings.find((f) => f.ruleId === 'kafka-offsets-topic-replication-one')!;
    assert.equal((single.context as { brokers?: number }).brokers, 1);
    assert.match(single.context!.note, /single broker/);
    const text = fs.readFileSync(path.join(CORPUS, 'orders-platform/docker-compose.yml'), 'utf8');
    let sarif = '';
    run(['check', 'docker-compose.yml', '--workload', 'online', '--format', 'sarif'], { cwd: path.join(CORPUS, 'orders-platform'), stdout: (t) => (sarif += t), stderr: () => undefined });
    assert.ok(text.includes('KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1'));
    assert.ok(!sarif.includes('"fixes"'), 'no fix is offered on a single-broker setup');
  });

  it('reports tests as production code when asked, and drops them when asked', () => {
    const directory = path.join(CORPUS, 'orders-platform');
    const unchanged = check(directory, '--non-production', 'unchanged').find((f) => f.ruleId === 'kafka-acks-zero');
    assert.equal(unchanged?.severity, 'error');
    assert.equal(check(directory, '--non-production', 'off').some((f) => f.file.startsWith('src/test/')), false);
    const promoted = check(directory, '--role', 'src/test/**=production').find((f) => f.ruleId === 'kafka-acks-zero');
    assert.equal(promoted?.severity, 'error');
  });
});
