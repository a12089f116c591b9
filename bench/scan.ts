// scan: `mq-lens check` and `mq-lens detect` over a generated monorepo, against ripgrep (single-threaded) searching the
// same files for the configuration keys and import names MQ Lens looks for, in the same run; plus peakRssMb.
//
// usage: node out/bench/scan.js --cli dist/cli.js --tree DIR --out FILE [--files 12000] [--runs 5]
//        [--profile-dir DIR --src-cli out/src/cli/main.js] [--force-profile]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { knowledge } from '../src/core/bundledKnowledge';
import { detectsFile } from '../src/core/detect/detect';
import { formatOf } from '../src/core/formats';
import { writeClientLibrary, writeMonorepo, writeOperator, writeSmallFiles, type TreeStats } from './lib/generate';
import { newestProfile, summarizeProfile, type ProfileSummary } from './lib/profile';
import { since, summarize, writeJson } from './lib/stats';

const BUDGET_RATIO = 5;

/** ripgrep globs for the files each command reads (formatOf and detectsFile, spelled as globs). */
const CHECK_GLOBS = [
  '*.properties', '*.yml', '*.yaml',
  '{rabbitmq,redis*,broker*,standalone,client,bookkeeper,proxy}.conf',
  '*.{py,java,kt,scala,go,cs,rs,js,mjs,cjs,jsx,ts,mts,cts,tsx}', '!*.d.ts',
  'package.json', 'requirements*.{txt,in}', 'pyproject.toml', 'Pipfile', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'go.mod',
  '*.{csproj,fsproj}', 'Cargo.toml',
];
const DETECT_GLOBS = [...CHECK_GLOBS, '.env', '.env.*', '*.env'];
const RG_COMMON = ['-j1', '--no-ignore', '--hidden', '-g', '!.git', '-g', '!node_modules', '--color', 'never', '--no-heading', '--line-number', '--with-filename'];

interface FileSet {
  files: number;
  bytes: number;
}

/** Walks the tree the way the CLI does (skipping .git, node_modules, .hg, .svn) and totals what a filter keeps. */
function fileSet(root: string, wanted: (name: string) => boolean, vendored: readonly string[] = []): FileSet {
  const set = { files: 0, bytes: 0 };
  const left = new Set(vendored.map((v) => path.join(root, v)));
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['.git', 'node_modules', '.hg', '.svn'].includes(entry.name) && !left.has(full)) visit(full);
      } else if (entry.isFile() && wanted(full)) {
        set.files++;
        set.bytes += fs.statSync(full).size;
      }
    }
  };
  visit(root);
  return set;
}

/** The literals MQ Lens matches: key spellings (canonical, aliases, Spring names), client imports and packages. */
function patterns(): string[] {
  const found = new Set<string>();
  for (const key of knowledge.keys) {
    for (const spelling of [key.key, ...key.aliases, ...(key.spring ?? [])]) found.add(spelling);
  }
  for (const client of knowledge.clients) {
    for (const prefix of client.imports) found.add(prefix);
    for (const coordinate of client.manifests) found.add(coordinate.replace(/^[a-z]+:/, '').split(':').pop()!);
  }
  // Broker environment variables in compose files and connection URLs.
  for (const extra of ['KAFKA_', 'amqp://', 'amqps://', 'kafka://', 'redis://', 'nats://', 'mqtt://', 'pulsar://', 'pulsar+ssl://']) found.add(extra);
  return [...found].filter((p) => p.length >= 2).sort();
}

interface Timed {
  ms: number;
  status: number | null;
  stdoutBytes: number;
  stdout: string;
  stderr: string;
}

function timed(command: string, args: readonly string[], cwd: string, keepStdout = false): Timed {
  const start = performance.now();
  // stdout is a pipe, never /dev/null: ripgrep stops at the first match per file when it writes to /dev/null.
  const run = spawnSync(command, args, { cwd, encoding: 'buffer', maxBuffer: 2 ** 31 - 1, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = since(start);
  if (run.error) throw run.error;
  return {
    ms, status: run.status, stdoutBytes: run.stdout.length, stdout: keepStdout ? run.stdout.toString('utf8') : '',
    stderr: run.stderr.toString('utf8').slice(0, 4000),
  };
}

interface Contestant {
  id: string;
  label: string;
  command: string;
  args: string[];
  /** Exit codes that mean the run worked. */
  ok: number[];
  set: FileSet;
}

/** One tree measured: MQ Lens's two commands against ripgrep over the same files, interleaved, in one run. */
function measureTree(shape: Shape, tree: string, cli: string, patternFile: string, runsWanted: number) {
  const start = performance.now();
  fs.rmSync(tree, { recursive: true, force: true });
  const generated = shape.generate(tree);
  const generateMs = since(start);
  console.log(`${shape.id}: ${generated.files} files, ${(generated.bytes / 2 ** 20).toFixed(1)} MiB in ${(generateMs / 1000).toFixed(1)} s (${JSON.stringify(generated.byKind)})`);

  // Vendored dependencies (a vendor/ folder with modules.txt) are left out by MQ Lens; ripgrep is told the same.
  const vendored = shape.vendored ?? [];
  const checkSet = fileSet(tree, (f) => formatOf(f) !== undefined, vendored);
  const detectSet = fileSet(tree, detectsFile, vendored);
  const allSet = { files: generated.files, bytes: generated.bytes };
  const globs = (list: readonly string[]) => [...list.flatMap((g) => ['--iglob', g]), ...vendored.flatMap((v) => ['-g', `!/${v}/`])];
  const rgArgs = (list: readonly string[] | undefined) => [...RG_COMMON, '-i', '-F', '-f', patternFile, ...(list ? globs(list) : []), '.'];

  // The file sets ripgrep sees must be the ones MQ Lens reads.
  const rgFiles = (list: readonly string[]) => timed('rg', [...RG_COMMON.filter((a) => a !== '--line-number' && a !== '--with-filename' && a !== '--no-heading'), '--files', ...globs(list), '.'], tree, true).stdout.split('\n').filter(Boolean).length;
  const rgCheckFiles = rgFiles(CHECK_GLOBS);
  const rgDetectFiles = rgFiles(DETECT_GLOBS);

  const contestants: Contestant[] = [
    { id: 'mqLensCheck', label: 'mq-lens check --format json', command: process.execPath, args: [cli, 'check', '.', '--format', 'json'], ok: [0, 1], set: checkSet },
    { id: 'rgCheckFiles', label: 'rg -j1 (the files check reads)', command: 'rg', args: rgArgs(CHECK_GLOBS), ok: [0, 1], set: checkSet },
    { id: 'mqLensDetect', label: 'mq-lens detect --format json', command: process.execPath, args: [cli, 'detect', '.', '--format', 'json'], ok: [0], set: detectSet },
    { id: 'rgDetectFiles', label: 'rg -j1 (the files detect reads)', command: 'rg', args: rgArgs(DETECT_GLOBS), ok: [0, 1], set: detectSet },
    { id: 'rgAllFiles', label: 'rg -j1 (every file in the tree)', command: 'rg', args: rgArgs(undefined), ok: [0, 1], set: allSet },
  ];

  // Warm-up: fills the page cache, checks every command works, and keeps the outputs' sizes and counts.
  const warm: Record<string, Timed> = {};
  for (const c of contestants) {
    const run = timed(c.command, c.args, tree, c.id.startsWith('mqLens'));
    if (!c.ok.includes(run.status ?? -1)) throw new Error(`${c.label} failed (exit ${run.status}): ${run.stderr}`);
    warm[c.id] = run;
    console.log(`warm-up ${c.label}: ${(run.ms / 1000).toFixed(2)} s`);
  }
  const checkOutput = JSON.parse(warm.mqLensCheck!.stdout) as { findings: Array<{ ruleId: string }>; skipped: unknown[] };
  const detectOutput = JSON.parse(warm.mqLensDetect!.stdout) as { detections: Array<{ broker: string }>; skipped: unknown[] };
  // Keep the whole benchmark within its time budget when the CLI is slow.
  const runs = warm.mqLensCheck!.ms > 15000 ? Math.min(3, runsWanted) : runsWanted;

  const samples: Record<string, number[]> = Object.fromEntries(contestants.map((c) => [c.id, []]));
  for (let round = 0; round < runs; round++) {
    for (const c of contestants) {
      const run = timed(c.command, c.args, tree);
      if (!c.ok.includes(run.status ?? -1)) throw new Error(`${c.label} failed (exit ${run.status}): ${run.stderr}`);
      samples[c.id]!.push(run.ms);
    }
  }

  const results: Record<string, unknown> = {};
  const medians: Record<string, number> = {};
  for (const c of contestants) {
    const ms = summarize(samples[c.id]!, 1);
    medians[c.id] = ms.median;
    const seconds = ms.median / 1000;
    results[c.id] = {
      label: c.label, command: [c.command === process.execPath ? 'node' : c.command, ...c.args.map((a) => (a === patternFile ? '<patterns>' : a === cli ? 'cli.js' : a))].join(' '),
      ms, filesRead: c.set.files, bytesRead: c.set.bytes,
      filesPerSecond: Math.round(c.set.files / seconds), mbPerSecond: Number((c.set.bytes / 2 ** 20 / seconds).toFixed(2)),
      treeFilesPerSecond: Math.round(allSet.files / seconds), outputBytes: warm[c.id]!.stdoutBytes,
    };
    console.log(`${shape.id}: ${c.label.padEnd(36)} median ${(ms.median / 1000).toFixed(2)} s (min ${(ms.min / 1000).toFixed(2)}, max ${(ms.max / 1000).toFixed(2)})`);
  }
  const ratio = (a: string, b: string) => Number((medians[a]! / medians[b]!).toFixed(2));
  const checkRatio = ratio('mqLensCheck', 'rgCheckFiles');
  const detectRatio = ratio('mqLensDetect', 'rgDetectFiles');

  const findingsByRule: Record<string, number> = {};
  for (const f of checkOutput.findings) findingsByRule[f.ruleId] = (findingsByRule[f.ruleId] ?? 0) + 1;
  const brokers: Record<string, number> = {};
  for (const d of detectOutput.detections) brokers[d.broker] = (brokers[d.broker] ?? 0) + 1;
  return {
    id: shape.id, label: shape.label, runs, dir: tree,
    tree: { files: generated.files, bytes: generated.bytes, byKind: generated.byKind, generateMs },
    fileSets: {
      check: checkSet, detect: detectSet,
      rgCheckFiles, rgDetectFiles,
      rgMatchesMqLens: rgCheckFiles === checkSet.files && rgDetectFiles === detectSet.files,
    },
    results, checkRatio, detectRatio,
    output: { findings: checkOutput.findings.length, findingsByRule, checkSkipped: checkOutput.skipped.length, detections: detectOutput.detections.length, brokers, detectSkipped: detectOutput.skipped.length },
  };
}

interface Shape {
  id: string;
  label: string;
  generate: (root: string) => TreeStats;
  /** Folders (relative to the tree) that hold vendored dependencies MQ Lens leaves out. */
  vendored?: string[];
}

function main(): void {
  const { values } = parseArgs({
    options: {
      cli: { type: 'string' }, tree: { type: 'string' }, out: { type: 'string' }, files: { type: 'string', default: '12000' },
      runs: { type: 'string', default: '5' }, 'profile-dir': { type: 'string' }, 'src-cli': { type: 'string' },
      'force-profile': { type: 'boolean', default: false }, rss: { type: 'string' }, shapes: { type: 'string' },
    },
  });
  if (!values.cli || !values.tree || !values.out) throw new Error('--cli, --tree and --out are required');
  const cli = path.resolve(values.cli);
  const tree = path.resolve(values.tree);
  const root = path.resolve(__dirname, '../..');
  const rss = path.resolve(values.rss ?? path.join(__dirname, 'cliRss.js'));
  const patternFile = path.join(path.dirname(tree), 'rg-patterns.txt');
  const literals = patterns();
  fs.writeFileSync(patternFile, `${literals.join('\n')}\n`);

  // The monorepo first (the figures the summary has always reported), then the other layouts, each in its own folder.
  const allShapes: Shape[] = [
    { id: 'monorepo', label: `a monorepo of ${Number(values.files).toLocaleString('en')} files, most of them not about messaging`, generate: (dir) => writeMonorepo(dir, Number(values.files)) },
    { id: 'smallFiles', label: '6,000 small source files (one in twenty imports a client) and 60 producer configs', generate: (dir) => writeSmallFiles(dir, 6000) },
    { id: 'clientLibrary', label: "a client library's own repository: Java that all imports the client, tests, samples, docs, a docs site's node_modules", generate: (dir) => writeClientLibrary(dir) },
    { id: 'operator', label: 'a Kubernetes operator: Go, CRDs, Helm templates, test data, docs, and vendor/ with modules.txt', generate: (dir) => writeOperator(dir), vendored: ['vendor'] },
  ];
  const shapes = allShapes.filter((s) => !values.shapes || values.shapes.split(',').includes(s.id));
  const measured = shapes.map((shape) => measureTree(shape, shape.id === 'monorepo' ? tree : `${tree}-${shape.id}`, cli, patternFile, Number(values.runs)));
  const main = measured.find((m) => m.id === 'monorepo') ?? measured[0]!;
  const { checkRatio, detectRatio } = main;
  const mainTree = main.dir;
  for (const m of measured) console.log(`${m.id}: check ${m.checkRatio}x rg, detect ${m.detectRatio}x rg`);

  // peakRssMb: the bundle's run() in a wrapper process, twice per command.
  const rssRuns: Record<string, Array<{ peakRssMb: number; runMs: number }>> = {};
  for (const command of ['check', 'detect']) {
    rssRuns[command] = [];
    for (let i = 0; i < 2; i++) {
      const run = timed(process.execPath, [rss, cli, command, '.', '--format', 'json'], mainTree, true);
      const parsed = JSON.parse(run.stdout) as { peakRssMb: number; runMs: number; exitCode: number; stderr: string };
      if (run.status !== 0 || ![0, 1].includes(parsed.exitCode)) throw new Error(`the RSS wrapper failed: ${run.stderr} ${parsed.stderr}`);
      rssRuns[command]!.push({ peakRssMb: parsed.peakRssMb, runMs: parsed.runMs });
    }
  }
  const peakRssMb = Math.max(...Object.values(rssRuns).flat().map((r) => r.peakRssMb));
  console.log(`check: ${checkRatio}x rg; detect: ${detectRatio}x rg; peak RSS ${peakRssMb} MB`);

  // A CPU profile of the unminified CLI (same code as the bundle, readable names) when the scan misses its budget.
  const profiles: Record<string, ProfileSummary> = {};
  if (values['profile-dir'] && values['src-cli']) {
    for (const [command, r] of [['check', checkRatio], ['detect', detectRatio]] as const) {
      if (r <= BUDGET_RATIO && !values['force-profile']) continue;
      const dir = path.join(values['profile-dir'], command);
      fs.mkdirSync(dir, { recursive: true });
      const run = timed(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, path.resolve(values['src-cli']), command, '.', '--format', 'json'], mainTree);
      const file = newestProfile(dir);
      if (file && [0, 1].includes(run.status ?? -1)) profiles[command] = summarizeProfile(file, root, 15);
    }
  }


  writeJson(values.out, {
    node: process.version,
    runs: main.runs,
    tree: main.tree,
    fileSets: main.fileSets,
    rgPatterns: { count: literals.length, flags: '-j1 -i -F -f <patterns> --no-ignore --hidden', sample: literals.filter((_, i) => i % Math.ceil(literals.length / 12) === 0) },
    results: main.results,
    checkRatio, detectRatio,
    rgVersion: timed('rg', ['--version'], mainTree, true).stdout.split('\n')[0],
    output: main.output,
    shapes: measured.map(({ id, label, runs, tree: stats, fileSets, results, checkRatio: check, detectRatio: detect, output }) => ({ id, label, runs, tree: stats, fileSets, results, checkRatio: check, detectRatio: detect, output })),
    peakRssMb, rssRuns,
    profiles,
  });
}

main();
