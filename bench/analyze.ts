// analyzeMs: the core's analyzeText per document, for each format MQ Lens reads, at 100, 2,000 and 20,000 lines (and
// 5,000 lines for the configuration formats), on generated files with client imports and risky values.
// This is the work the extension does on every (debounced) edit and the CLI does per file.
//
// usage: node out/bench/analyze.js --out FILE [--quick]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText } from '../src/core/analyze';
import { bundledClientIndex, bundledKeyIndex } from '../src/core/bundledKnowledge';
import { ANALYZE_FORMATS } from './lib/generate';
import { newestProfile, summarizeProfile, type ProfileSummary } from './lib/profile';
import { since, summarize, writeJson, type Summary } from './lib/stats';

/** The budget for a 2,000-line file: one frame at 60 Hz. Profiles are taken for formats above it. */
const BUDGET_2000_MS = 16;
/** Each case stops after this long once it has 20 samples (twice this long once it has 8), so the whole benchmark
 * stays short even when a format is very slow. */
const CASE_TIME_MS = 5000;

export interface AnalyzeCase {
  format: string;
  label: string;
  file: string;
  lines: number;
  bytes: number;
  settings: number;
  findings: number;
  /** The first call for this format and size in the process: includes the JIT warming up on this format's code. */
  firstMs: number;
  ms: Summary;
}

const CONFIG_FORMATS = new Set(['properties', 'spring-yaml', 'compose']);

function runsFor(lines: number, quick: boolean): number {
  const runs = lines <= 100 ? 300 : lines <= 2000 ? 80 : lines <= 5000 ? 50 : 25;
  return quick ? Math.max(20, Math.round(runs / 4)) : runs;
}

/** `--loop FORMAT --lines N --runs R`: only analyses one generated file R times (a target for node --cpu-prof). */
function loop(id: string, lines: number, runs: number): void {
  const format = ANALYZE_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`unknown format ${id}`);
  const text = format.make(lines);
  const keys = bundledKeyIndex();
  const clients = bundledClientIndex();
  for (let i = 0; i < runs; i++) analyzeText({ file: `/work/project/${format.file}`, text, keys, clients, profile: 'general' });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' }, quick: { type: 'boolean', default: false }, 'profile-dir': { type: 'string' },
      loop: { type: 'string' }, lines: { type: 'string', default: '2000' }, runs: { type: 'string', default: '50' },
    },
  });
  if (values.loop) return loop(values.loop, Number(values.lines), Number(values.runs));
  if (!values.out) throw new Error('--out is required');
  const quick = values.quick ?? false;

  // The knowledge indexes are built on first use (activation stays cheap); time that first use on its own.
  let start = performance.now();
  const keys = bundledKeyIndex();
  const keyIndexMs = since(start);
  start = performance.now();
  const clients = bundledClientIndex();
  const clientIndexMs = since(start);

  const cases: AnalyzeCase[] = [];
  for (const format of ANALYZE_FORMATS) {
    const sizes = CONFIG_FORMATS.has(format.id) ? [100, 2000, 5000, 20000] : [100, 2000, 20000];
    for (const lines of sizes) {
      const text = format.make(lines);
      const analyze = () => analyzeText({ file: `/work/project/${format.file}`, text, keys, clients, profile: 'general' });
      start = performance.now();
      const first = analyze();
      const firstMs = since(start);
      // Warm-up; fewer calls when one call is slow, so a regression cannot blow the benchmark's time budget.
      for (let i = 0; i < (firstMs > 500 ? 1 : 3); i++) analyze();
      const samples: number[] = [];
      const runs = runsFor(lines, quick);
      const caseStart = performance.now();
      const enough = (i: number) => {
        const elapsed = performance.now() - caseStart;
        return (i >= 20 && elapsed > CASE_TIME_MS) || (i >= 8 && elapsed > 2 * CASE_TIME_MS);
      };
      for (let i = 0; i < runs && !enough(i); i++) {
        start = performance.now();
        analyze();
        samples.push(since(start));
      }
      const result: AnalyzeCase = {
        format: format.id, label: format.label, file: format.file, lines: text.split('\n').length - 1, bytes: Buffer.byteLength(text),
        settings: first.settings.length, findings: first.findings.length, firstMs, ms: summarize(samples),
      };
      cases.push(result);
      console.log(`analyze ${format.id.padEnd(12)} ${String(lines).padStart(6)} lines: p50 ${result.ms.median.toFixed(2)} ms, p95 ${result.ms.p95.toFixed(2)} ms (${result.settings} settings, ${result.findings} findings)`);
    }
  }
  // Where a format misses the 2,000-line budget, a CPU profile of analysing that file says what the time goes to.
  const profiles: Record<string, ProfileSummary> = {};
  const profileDir = values['profile-dir'];
  if (profileDir) {
    for (const c of cases.filter((x) => x.lines === 2000 && x.ms.median > BUDGET_2000_MS)) {
      const dir = path.join(profileDir, `analyze-${c.format}`);
      fs.mkdirSync(dir, { recursive: true });
      const runs = Math.max(5, Math.min(60, Math.ceil(3000 / c.ms.median)));
      const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, __filename, '--loop', c.format, '--lines', '2000', '--runs', String(runs)], { stdio: 'inherit' });
      const file = newestProfile(dir);
      if (run.status === 0 && file) profiles[c.format] = summarizeProfile(file, path.resolve(__dirname, '../..'), 12);
    }
  }
  writeJson(values.out, { node: process.version, budget2000Ms: BUDGET_2000_MS, keyIndexMs, clientIndexMs, cases, profiles });
}

main();
