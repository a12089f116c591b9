// Detection corpus (test/fixtures/detection/): realistic project files with the detections they should produce marked
// in them. The test runs detectText on every file and measures precision and recall over the whole corpus.
//
// Markers, in a comment: `expect-detect: <broker> <client-id|-> <evidence>` on the line that should be detected
// (several separated by ` ; `), or on a line of its own below it as `expect-detect^: …`, one `^` per line up
// (the only form allowed in .properties, .conf and .env files, where a trailing `#` belongs to the value).
// Files that cannot hold comments (JSON) have a sidecar `<file>.expect` with lines `<line>: <broker> <client> <evidence>`.
// A file with neither expects nothing. An import statement that spans lines is expected once, on its first line
// (Go's grouped imports: each path on its own line); a URL in a multi-line string, on the line that holds it.
// Clients that count only when their queue calls appear in code (general Redis clients, Dramatiq, boto3) are not
// detected from a manifest line: a dependency on them says nothing about a message queue.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { bundledClientIndex, bundledKeyIndex, knowledge } from '../../src/core/bundledKnowledge';
import { detectText } from '../../src/core/detect/detect';
import { ROOT } from './helpers';

const CORPUS = path.join(ROOT, 'test/fixtures/detection');
const THRESHOLD = 0.97;
const MIN_FILES = 80;
const MIN_NEGATIVES = 15;
const SIDECAR = '.expect';
const EVIDENCE = new Set(['import', 'dependency', 'config', 'url', 'code']);
const MARKER = /expect-detect(\^*):(.*)$/;

interface Expectation {
  file: string;
  line: number;
  broker: string;
  client: string;
  evidence: string;
}

const key = (e: Expectation) => `${e.file}:${e.line} ${e.broker} ${e.client} ${e.evidence}`;

/** Corpus files relative to its root, with `/` separators, sidecars left out. */
function corpusFiles(dir = CORPUS): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...corpusFiles(full));
    else if (entry.isFile() && !entry.name.endsWith(SIDECAR)) files.push(path.relative(CORPUS, full).split(path.sep).join('/'));
  }
  return files.sort();
}

/** One `<broker> <client|-> <evidence>` triple, checked against the knowledge base so a typo cannot pass silently. */
function triple(text: string, file: string, line: number, where: string): Expectation {
  const parts = text.trim().split(/\s+/);
  assert.equal(parts.length, 3, `${where}: a marker needs <broker> <client|-> <evidence>, got "${text.trim()}"`);
  const [broker, client, evidence] = parts as [string, string, string];
  assert.ok(knowledge.brokers.some((b) => b.id === broker), `${where}: unknown broker "${broker}"`);
  assert.ok(client === '-' || knowledge.clients.some((c) => c.id === client && c.broker === broker), `${where}: "${client}" is not a ${broker} client`);
  assert.ok(EVIDENCE.has(evidence), `${where}: unknown evidence "${evidence}"`);
  return { file, line, broker, client, evidence };
}

interface FileExpectations {
  expected: Expectation[];
  /** Lines that hold nothing but a marker comment: they must never be detected themselves. */
  markerLines: number[];
}

function expectationsOf(file: string, text: string): FileExpectations {
  const expected: Expectation[] = [];
  const markerLines: number[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((content, index) => {
    const match = MARKER.exec(content);
    if (!match) return;
    const up = match[1]!.length;
    const line = index + 1 - up;
    const where = `${file}:${index + 1}`;
    assert.ok(line >= 1, `${where}: the marker points above the first line`);
    if (up > 0) markerLines.push(index + 1);
    const body = match[2]!.replace(/\s*(-->|\*\/)\s*$/, '');
    for (const part of body.split(' ; ')) expected.push(triple(part, file, line, where));
  });
  const sidecar = path.join(CORPUS, file + SIDECAR);
  if (fs.existsSync(sidecar)) {
    assert.equal(expected.length, 0, `${file}: expectations both in markers and in ${file}${SIDECAR}`);
    fs.readFileSync(sidecar, 'utf8').split(/\r\n|\r|\n/).forEach((content, index) => {
      if (!content.trim() || content.trim().startsWith('#')) return;
      const where = `${file}${SIDECAR}:${index + 1}`;
      const match = /^\s*(\d+)\s*:(.*)$/.exec(content);
      assert.ok(match, `${where}: expected "<line>: <broker> <client|-> <evidence>"`);
      const line = Number(match[1]);
      assert.ok(line >= 1 && line <= lines.length, `${where}: line ${line} is outside ${file}`);
      expected.push(triple(match[2]!, file, line, where));
    });
  }
  return { expected, markerLines };
}

interface Corpus {
  files: string[];
  expected: Expectation[];
  actual: Expectation[];
  markerLines: Map<string, number[]>;
}

let cached: Corpus | undefined;

function corpus(): Corpus {
  if (cached) return cached;
  const files = corpusFiles();
  const expected: Expectation[] = [];
  const actual: Expectation[] = [];
  const markerLines = new Map<string, number[]>();
  const keys = bundledKeyIndex();
  const clients = bundledClientIndex();
  for (const file of files) {
    const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
    const expectations = expectationsOf(file, text);
    expected.push(...expectations.expected);
    if (expectations.markerLines.length > 0) markerLines.set(file, expectations.markerLines);
    for (const d of detectText({ file, text, keys, clients })) {
      actual.push({ file: d.file, line: d.line, broker: d.broker, client: d.client ?? '-', evidence: d.evidence });
    }
  }
  cached = { files, expected, actual, markerLines };
  return cached;
}

describe('detection corpus', () => {
  it(`has at least ${MIN_FILES} files, ${MIN_NEGATIVES} of them under a negatives folder`, () => {
    const { files } = corpus();
    const negatives = files.filter((f) => f.split('/').slice(0, -1).includes('negatives'));
    console.log(`detection corpus: ${files.length} files, ${negatives.length} negatives`);
    assert.ok(files.length >= MIN_FILES, `only ${files.length} corpus files`);
    assert.ok(negatives.length >= MIN_NEGATIVES, `only ${negatives.length} negative files`);
  });

  it('expects every broker and every kind of evidence somewhere', () => {
    const { expected } = corpus();
    const brokers = new Set(expected.map((e) => e.broker));
    assert.deepEqual(knowledge.brokers.map((b) => b.id).filter((id) => !brokers.has(id)), []);
    const evidence = new Set(expected.map((e) => e.evidence));
    assert.deepEqual([...EVIDENCE].filter((kind) => !evidence.has(kind)), []);
  });

  it('has no sidecar without its file', () => {
    const orphans: string[] = [];
    const visit = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (entry.name.endsWith(SIDECAR) && !fs.existsSync(full.slice(0, -SIDECAR.length))) orphans.push(path.relative(CORPUS, full));
      }
    };
    visit(CORPUS);
    assert.deepEqual(orphans, []);
  });

  it('never detects a marker line itself', () => {
    const { actual, markerLines } = corpus();
    const detectedMarkers = actual.filter((d) => markerLines.get(d.file)?.includes(d.line)).map(key);
    assert.deepEqual(detectedMarkers, []);
  });

  it(`detects with precision and recall of at least ${THRESHOLD}`, () => {
    const { expected, actual } = corpus();
    const expectedKeys = new Set(expected.map(key));
    const actualKeys = new Set(actual.map(key));
    const truePositives = [...actualKeys].filter((k) => expectedKeys.has(k)).length;
    const unexpected = [...actualKeys].filter((k) => !expectedKeys.has(k)).sort();
    const missed = [...expectedKeys].filter((k) => !actualKeys.has(k)).sort();
    const precision = actualKeys.size === 0 ? 1 : truePositives / actualKeys.size;
    const recall = expectedKeys.size === 0 ? 1 : truePositives / expectedKeys.size;
    console.log(
      `detection corpus: ${expectedKeys.size} expected, ${actualKeys.size} detected, ${truePositives} matched; ` +
      `precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`,
    );
    for (const k of missed) console.log(`  missed:     ${k}`);
    for (const k of unexpected) console.log(`  unexpected: ${k}`);
    assert.ok(precision >= THRESHOLD, `precision ${precision.toFixed(4)} is below ${THRESHOLD}`);
    assert.ok(recall >= THRESHOLD, `recall ${recall.toFixed(4)} is below ${THRESHOLD}`);
  });
});
