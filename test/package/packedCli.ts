// The shipped bundles as users get them. The command-line tool: `npm pack` of this repository, installed into an
// empty project, run through `npx mq-lens`. Every bundle: no network access and no running of other programs. Needs
// the production build in dist/ (scripts/test.sh runs this after packaging the VSIX). Writes { passed, failed } to
// --results, like the other layers.
//
// usage: node out/test/package/packedCli.js --results FILE
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');
const results: { passed: string[]; failed: Array<{ title: string; error: string }> } = { passed: [], failed: [] };

function check(title: string, body: () => void): void {
  try {
    body();
    results.passed.push(title);
    console.log(`  ✓ ${title}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.failed.push({ title, error: message });
    console.log(`  ✗ ${title}\n    ${message.split('\n').join('\n    ')}`);
  }
}

function run(command: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function main(): void {
  const { values } = parseArgs({ options: { results: { type: 'string' } } });
  check('no bundle can reach the network or start another program (no http, https, net, tls, dgram, child_process, fetch, XMLHttpRequest, WebSocket)', () => {
    const bundles = ['extension.js', 'engine.js', 'cli.js', 'yaml.js', 'webview.js'];
    const forbidden = /\brequire\(["'](?:node:)?(?:http|https|http2|net|tls|dgram|child_process|worker_threads|cluster|inspector)["']\)|(?<![.\w$])(?:fetch|XMLHttpRequest|WebSocket|EventSource|importScripts)\s*\(|\bnew\s+(?:XMLHttpRequest|WebSocket|EventSource)\b/g;
    const found = bundles.flatMap((name) => {
      const text = fs.readFileSync(path.join(ROOT, 'dist', name), 'utf8');
      return [...text.matchAll(forbidden)].map((m) => `${name}: ${m[0]}`);
    });
    if (found.length > 0) throw new Error(found.join('\n'));
  });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mq-lens-pack-'));
  try {
    let tarball = '';
    check('npm pack yields the command-line tool alone: the bundled CLI, its knowledge and YAML reader, no sources or tests', () => {
      const packed = run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
      if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
      const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
      tarball = path.join(work, info!.filename);
      const files = info!.files.map((f) => f.path).sort();
      const expected = ['LICENSE', 'README.md', 'dist/cli.js', 'dist/knowledge.json', 'dist/yaml.js', 'package.json'];
      if (JSON.stringify(files) !== JSON.stringify(expected)) throw new Error(`the package holds ${files.join(', ')}`);
    });
    const project = path.join(work, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "ci-project", "version": "1.0.0", "private": true }\n');
    check('the tarball installs into an empty project without the network', () => {
      const installed = run('npm', ['install', '--offline', '--no-save', tarball], project);
      if (installed.status !== 0) throw new Error(`npm install failed: ${installed.stderr}`);
    });
    fs.mkdirSync(path.join(project, 'svc'));
    fs.writeFileSync(path.join(project, 'svc', 'producer.properties'), '# mq-lens: workload=online\nbootstrap.servers=kafka:9092\nlinger.ms=100\n');
    check('npx mq-lens check finds the linger.ms warning and exits 1 with --fail-on warning', () => {
      const checked = run('npx', ['--no-install', 'mq-lens', 'check', '.', '--format', 'json', '--fail-on', 'warning'], project);
      if (checked.status !== 1) throw new Error(`exit ${checked.status}: ${checked.stderr}`);
      const { findings } = JSON.parse(checked.stdout) as { findings: Array<{ file: string; line: number; ruleId: string }> };
      if (!findings.some((f) => f.file === 'svc/producer.properties' && f.line === 3 && f.ruleId === 'kafka-linger-latency')) throw new Error(`findings: ${JSON.stringify(findings)}`);
    });
    check('npx mq-lens check --format sarif writes SARIF 2.1.0 with the rule', () => {
      const sarif = run('npx', ['--no-install', 'mq-lens', 'check', '.', '--format', 'sarif'], project);
      const log = JSON.parse(sarif.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
      if (log.version !== '2.1.0' || !log.runs[0]?.results.some((r) => r.ruleId === 'kafka-linger-latency')) throw new Error(sarif.stdout.slice(0, 400));
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (values.results) fs.writeFileSync(values.results, JSON.stringify(results, null, 2));
  console.log(`${results.passed.length} passing, ${results.failed.length} failing (package)`);
}

main();
