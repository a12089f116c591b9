// Gathers the parts the benchmarks wrote (in the bench's temp dir) into bench/results.json and bench/RESULTS.md:
// every figure with its spread, its budget and goal, and the machine it was measured on.
//
// usage: node out/bench/report.js --parts DIR --json bench/results.json --markdown bench/RESULTS.md [--quick]
import type { AnalyzeCase } from './analyze';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { ProfileSummary } from './lib/profile';
import { machine, summarize, writeJson, type Summary } from './lib/stats';

const KiB = 1024;
const MiB = 1024 * 1024;

/** Budgets and goals, as the issue set them. Units are in the names. */
export const BUDGETS = {
  activateMs: { budget: 20, goal: 5 },
  moduleLoadMs: { budget: 20, goal: 5 },
  firstStatusMs: { budget: 2000 },
  vsixBytes: { budget: 1.5 * MiB, goal: 400 * KiB },
  analyze2000Ms: { budget: 16 },
  analyzeConfig5000Ms: { budget: 16 },
  scanRatio: { budget: 5, goal: 2 },
  peakRssMb: { budget: 200 },
} as const;

type Verdict = 'within goal' | 'within budget' | 'over budget' | 'no budget';

function verdict(value: number | undefined, limits: { budget?: number; goal?: number }): Verdict {
  if (value === undefined || Number.isNaN(value)) return 'no budget';
  if (limits.goal !== undefined && value <= limits.goal) return 'within goal';
  if (limits.budget === undefined) return 'no budget';
  return value <= limits.budget ? 'within budget' : 'over budget';
}

// --- the parts' shapes (what the benchmarks write) ------------------------------------------------------------

interface SizesPart {
  vsixBytes: number;
  vsixFiles: number;
  vsixContents: Array<{ group: string; files: number; bytes: number; compressedBytes: number }>;
  bundles: Record<string, { bytes: number; gzipBytes: number; minified: boolean; inVsix?: boolean }>;
  composition: Record<string, Array<{ part: string; bytes: number; percent: number }>>;
}
interface ModuleLoadPart {
  results: Array<{ node: string; ms: Summary; samples: number[]; engineFirstUseMs?: Summary }>;
}
interface AnalyzePart {
  node: string;
  keyIndexMs: number;
  clientIndexMs: number;
  cases: AnalyzeCase[];
  profiles: Record<string, ProfileSummary>;
}
interface ScanResult {
  label: string;
  command: string;
  ms: Summary;
  filesRead: number;
  bytesRead: number;
  filesPerSecond: number;
  mbPerSecond: number;
  treeFilesPerSecond: number;
  outputBytes: number;
}
interface ScanPart {
  node: string;
  runs: number;
  tree: { files: number; bytes: number; byKind: Record<string, number> };
  fileSets: { check: { files: number; bytes: number }; detect: { files: number; bytes: number }; rgMatchesMqLens: boolean };
  rgPatterns: { count: number; flags: string; sample: string[] };
  results: Record<string, ScanResult>;
  checkRatio: number;
  detectRatio: number;
  rgVersion: string;
  output: { findings: number; findingsByRule: Record<string, number>; detections: number; brokers: Record<string, number> };
  peakRssMb: number;
  rssRuns: Record<string, Array<{ peakRssMb: number; runMs: number }>>;
  profiles: Record<string, ProfileSummary>;
  /** Every layout measured, the monorepo first (older runs have none). */
  shapes?: Array<{ id: string; label: string; runs: number; tree: { files: number; bytes: number; byKind: Record<string, number> }; fileSets: ScanPart['fileSets']; results: Record<string, ScanResult>; checkRatio: number; detectRatio: number; output: ScanPart['output'] }>;
}
interface EditSample {
  kind: string;
  editToChangeMs: number;
  editToDiagnosticsSetMs: number;
  editToEventMs: number;
  findingsBefore: number;
  findingsAfter: number;
}
interface HostPart {
  node: string;
  activateMs?: number;
  openTextDocumentMs?: number;
  openToDiagnosticsMs?: number;
  lines?: number;
  initialFindings?: number;
  editedLine?: number;
  editMethod?: string;
  debounceMs?: number;
  warmupEdits?: EditSample[];
  edits?: EditSample[];
  error?: string;
}

function read<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

// --- formatting -----------------------------------------------------------------------------------------------

const round = (x: number) => Number(x.toFixed(2));
/** A task longer than this blocks interaction noticeably (the long-task threshold of web performance). */
const LONG_TASK_MS = 50;

const ms = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? 'n/a' : `${x.toFixed(digits)} ms`);
const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;
const spread = (s: Summary, digits = 1) => `min ${s.min.toFixed(digits)}, p95 ${s.p95.toFixed(digits)}, max ${s.max.toFixed(digits)} (n = ${s.n})`;
const mark = (v: Verdict) => (v === 'over budget' ? '**over budget**' : v);
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function profileTable(profile: ProfileSummary, top = 10): string {
  return table(['self time', 'function', 'where'], profile.functions.slice(0, top).map((f) => [`${f.selfPercent}%`, `\`${f.function}\``, `\`${f.location}\``]));
}

function main(): void {
  const { values } = parseArgs({ options: { parts: { type: 'string' }, json: { type: 'string' }, markdown: { type: 'string' }, quick: { type: 'boolean', default: false } } });
  if (!values.parts || !values.json || !values.markdown) throw new Error('--parts, --json and --markdown are required');
  const dir = values.parts;
  const sizes = read<SizesPart>(path.join(dir, 'sizes.json'));
  const moduleLoad = read<ModuleLoadPart>(path.join(dir, 'moduleLoad.json'));
  const analyze = read<AnalyzePart>(path.join(dir, 'analyze.json'));
  const scan = read<ScanPart>(path.join(dir, 'scan.json'));
  const hosts = fs.readdirSync(dir).filter((f) => /^host-\d+\.json$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((f) => ({ file: f, part: read<HostPart>(path.join(dir, f)) }));
  const hostScanPart = read<{ firstScanDoneMs?: number; error?: string; scan?: { scanMs: number; filesWithEvidence: number; ticks: number; longestStallMs: number; stallsOver50Ms: number; delays: number[] } }>(path.join(dir, 'hostscan.json'));
  // Fresh hosts on a 3,000-file workspace: how long after activate() started the status bar first named a broker.
  const firstParts = fs.readdirSync(dir).filter((f) => /^hostfirst-\d+\.json$/.test(f))
    .map((f) => read<{ firstStatusMs?: number; firstScanDoneMs?: number }>(path.join(dir, f)));
  const firstStatusSamples = firstParts.map((p) => p?.firstStatusMs).filter((x): x is number => typeof x === 'number');
  const firstStatus = firstStatusSamples.length ? { files: 3000, ...summarize(firstStatusSamples), samples: firstStatusSamples.map((x) => Number(x.toFixed(1))), verdict: verdict(summarize(firstStatusSamples).median, BUDGETS.firstStatusMs) } : undefined;
  const hostScan = hostScanPart?.scan && {
    files: 10000,
    firstScanDoneMs: hostScanPart.firstScanDoneMs,
    scanMs: hostScanPart.scan.scanMs,
    filesWithEvidence: hostScanPart.scan.filesWithEvidence,
    ticks: hostScanPart.scan.ticks,
    longestStallMs: hostScanPart.scan.longestStallMs,
    stallsOver50Ms: hostScanPart.scan.stallsOver50Ms,
    stall: summarize(hostScanPart.scan.delays.length ? hostScanPart.scan.delays : [0]),
    verdict: hostScanPart.scan.longestStallMs <= LONG_TASK_MS ? 'not blocking' : 'blocking',
  };
  const notRun = fs.readdirSync(dir).filter((f) => f.startsWith('not-run-'))
    .map((f) => ({ benchmark: f.replace(/^not-run-|\.txt$/g, ''), reason: fs.readFileSync(path.join(dir, f), 'utf8').trim() }));
  const env = process.env;
  const here = machine();

  // --- activation -------------------------------------------------------------------------------------------
  const hostRuns = hosts.filter((h) => h.part && typeof h.part.activateMs === 'number');
  const activateSamples = hostRuns.map((h) => h.part!.activateMs!);
  const activate = activateSamples.length ? summarize(activateSamples) : undefined;
  const openSamples = hostRuns.map((h) => h.part!.openToDiagnosticsMs).filter((x): x is number => typeof x === 'number');
  const openDocSamples = hostRuns.map((h) => h.part!.openTextDocumentMs).filter((x): x is number => typeof x === 'number');
  const hostNode = hostRuns[0]?.part?.node;
  const hostErrors = hosts.filter((h) => !h.part || h.part.error).map((h) => `${h.file}: ${h.part?.error?.split('\n')[0] ?? 'no result'}`);
  const load24 = moduleLoad?.results.find((r) => r.node.startsWith('v24')) ?? moduleLoad?.results[0];
  const loadOther = moduleLoad?.results.filter((r) => r !== load24) ?? [];

  // --- editor path ------------------------------------------------------------------------------------------
  const editRun = hostRuns.find((h) => h.part!.edits && h.part!.edits.length > 0)?.part;
  const edits = editRun?.edits ?? [];
  const debounce = editRun?.debounceMs ?? 150;
  const editor = edits.length ? {
    file: `producer.properties, ${editRun!.lines} lines (line ${editRun!.editedLine} edited)`,
    method: editRun!.editMethod,
    edits: edits.length,
    debounceMs: debounce,
    editToEventMs: summarize(edits.map((e) => e.editToEventMs)),
    editToEventMinusDebounceMs: summarize(edits.map((e) => e.editToEventMs - debounce)),
    editToDiagnosticsSetMs: summarize(edits.map((e) => e.editToDiagnosticsSetMs)),
    editToDiagnosticsSetMinusDebounceMs: summarize(edits.map((e) => e.editToDiagnosticsSetMs - debounce)),
    editToChangeMs: summarize(edits.map((e) => e.editToChangeMs)),
    changeToDiagnosticsSetMinusDebounceMs: summarize(edits.map((e) => e.editToDiagnosticsSetMs - e.editToChangeMs - debounce)),
    diagnosticsSetToEventMs: summarize(edits.map((e) => e.editToEventMs - e.editToDiagnosticsSetMs)),
    findings: `${editRun!.initialFindings} ⇄ ${editRun!.initialFindings! + 1}`,
    warmupEditToEventMs: (editRun!.warmupEdits ?? []).map((e) => Number(e.editToEventMs.toFixed(1))),
    samples: edits.map((e) => ({ kind: e.kind, editToChangeMs: round(e.editToChangeMs), editToDiagnosticsSetMs: round(e.editToDiagnosticsSetMs), editToEventMs: round(e.editToEventMs) })),
  } : undefined;

  // --- analysis ---------------------------------------------------------------------------------------------
  const cases = analyze?.cases ?? [];
  const at2000 = cases.filter((c) => c.lines === 2000);
  const config5000 = cases.filter((c) => c.lines === 5000);
  const worst2000 = [...at2000].sort((a, b) => b.ms.median - a.ms.median)[0];

  // --- results.json -----------------------------------------------------------------------------------------
  const results = {
    generatedAt: new Date().toISOString(),
    quick: values.quick ?? false,
    durationSeconds: Number(env.MQ_LENS_BENCH_SECONDS ?? NaN),
    machine: {
      cpuModel: here.cpuModel, cores: here.cores, cpuMHz: here.cpuMHz, memoryGb: here.memoryGb, os: here.os,
      node: here.node, extensionHostNode: hostNode, node24: env.MQ_LENS_BENCH_NODE24, codeServer: env.MQ_LENS_BENCH_CODE_SERVER,
      ripgrep: scan?.rgVersion, loadAverageAtStart: env.MQ_LENS_BENCH_LOADAVG_START?.split(' ').slice(0, 3).join(', '),
      loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))),
    },
    source: { commit: env.MQ_LENS_BENCH_COMMIT, uncommittedChanges: Number(env.MQ_LENS_BENCH_DIRTY ?? NaN), typecheck: env.MQ_LENS_BENCH_TYPECHECK },
    budgets: BUDGETS,
    // The headline figures under the names the issue uses (medians; the sections below have the spread).
    summary: {
      activationMs: activate?.median,
      moduleLoadMs: load24?.ms.median,
      vsixBytes: sizes?.vsixBytes,
      extensionBundleBytes: sizes?.bundles['dist/extension.js']?.bytes,
      cliBundleBytes: sizes?.bundles['dist/cli.js']?.bytes,
      analyzeMs2000: Object.fromEntries(at2000.map((c) => [c.format, { p50: c.ms.median, p95: c.ms.p95 }])),
      analyzeMsConfig5000: Object.fromEntries(config5000.map((c) => [c.format, { p50: c.ms.median, p95: c.ms.p95 }])),
      scanCheckRatio: scan?.checkRatio,
      scanDetectRatio: scan?.detectRatio,
      peakRssMb: scan?.peakRssMb,
      editToDiagnosticsMs: editor?.editToEventMs.median,
      editToDiagnosticsMinusDebounceMs: editor?.editToEventMinusDebounceMs.median,
    },
    activation: {
      activateMs: activate && { ...activate, samples: activateSamples.map((x) => Number(x.toFixed(3))), verdict: verdict(activate.median, BUDGETS.activateMs) },
      moduleLoadMs: load24 && { node: load24.node, ...load24.ms, samples: load24.samples, verdict: verdict(load24.ms.median, BUDGETS.moduleLoadMs) },
      moduleLoadMsOtherNode: loadOther.map((r) => ({ node: r.node, ...r.ms })),
      engineFirstUseMs: load24?.engineFirstUseMs && { node: load24.node, ...load24.engineFirstUseMs },
      extensionHosts: hosts.length,
      openToDiagnosticsMs: openSamples.length ? summarize(openSamples) : undefined,
      openTextDocumentMs: openDocSamples.length ? summarize(openDocSamples) : undefined,
      errors: hostErrors,
    },
    sizes: sizes && {
      vsixBytes: sizes.vsixBytes, vsixFiles: sizes.vsixFiles, verdict: verdict(sizes.vsixBytes, BUDGETS.vsixBytes),
      bundles: sizes.bundles, vsixContents: sizes.vsixContents, composition: sizes.composition,
    },
    analyze: analyze && {
      node: analyze.node, keyIndexMs: analyze.keyIndexMs, clientIndexMs: analyze.clientIndexMs,
      cases: cases.map((c) => ({
        ...c,
        verdict: c.lines === 2000 ? verdict(c.ms.median, BUDGETS.analyze2000Ms) : c.lines === 5000 ? verdict(c.ms.median, BUDGETS.analyzeConfig5000Ms) : 'no budget',
        p95Verdict: c.lines === 2000 || c.lines === 5000 ? verdict(c.ms.p95, BUDGETS.analyze2000Ms) : 'no budget',
      })),
      profiles: analyze.profiles,
    },
    scan: scan && {
      node: scan.node, runs: scan.runs, tree: scan.tree, fileSets: scan.fileSets, rgPatterns: scan.rgPatterns, rgVersion: scan.rgVersion,
      results: scan.results,
      checkRatio: scan.checkRatio, checkVerdict: verdict(scan.checkRatio, BUDGETS.scanRatio),
      detectRatio: scan.detectRatio, detectVerdict: verdict(scan.detectRatio, BUDGETS.scanRatio),
      output: scan.output, profiles: scan.profiles,
      shapes: scan.shapes?.map((s) => ({ ...s, checkVerdict: verdict(s.checkRatio, BUDGETS.scanRatio), detectVerdict: verdict(s.detectRatio, BUDGETS.scanRatio) })),
    },
    peakRssMb: scan && { value: scan.peakRssMb, runs: scan.rssRuns, verdict: verdict(scan.peakRssMb, BUDGETS.peakRssMb) },
    editor,
    hostScan,
    firstStatus,
    notRun,
  };
  writeJson(values.json, results);

  // --- RESULTS.md -------------------------------------------------------------------------------------------
  const md: string[] = [];
  const m = results.machine;
  md.push('# MQ Lens benchmarks', '');
  md.push(`Written by \`npm run bench\` (scripts/bench.sh) on ${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC${results.quick ? ', **quick mode: fewer repetitions, not for comparison**' : ''}; the raw figures are in [results.json](results.json).`, '');
  md.push(`**Machine:** ${m.cpuModel}, ${m.cores} cores${m.cpuMHz ? ` at ${m.cpuMHz} MHz` : ''}, ${m.memoryGb} GiB, ${m.os}. `
    + `**Node:** ${m.node} (benchmarks and CLI), ${m.extensionHostNode ?? m.node24 ?? 'n/a'} (code-server ${m.codeServer ?? 'n/a'} extension host). `
    + `**ripgrep:** ${m.ripgrep ?? 'n/a'}. Load average (1, 5, 15 min) when the run started: ${m.loadAverageAtStart ?? 'n/a'}, at its end: ${m.loadAverageAtEnd.join(', ')}.`, '');
  md.push(`**Source:** commit ${results.source.commit}${results.source.uncommittedChanges ? ` plus ${results.source.uncommittedChanges} modified tracked file(s) in the working tree` : ''}, as built at the start of the run; type-check ${results.source.typecheck}. The whole run took ${results.durationSeconds} s.`, '');
  md.push('This machine is shared (other people run builds and tests on it), so single figures can be noisy: every time is the median of several runs with its spread, and the ratios compare programs measured in the same run, interleaved.', '');

  md.push('## Summary', '');
  const rows: string[][] = [];
  const act = results.activation.activateMs;
  if (act) rows.push(['activateMs: `activate()` in the real extension host', ms(act.median, 2), spread(act, 2), '20 ms', '5 ms', mark(act.verdict)]);
  const ml = results.activation.moduleLoadMs;
  if (ml) rows.push([`moduleLoadMs: \`require('dist/extension.js')\`, Node ${ml.node}`, ms(ml.median), spread(ml), '20 ms', '5 ms', mark(ml.verdict)]);
  const engineUse = results.activation.engineFirstUseMs;
  if (engineUse) rows.push([`  then on first use: \`dist/engine.js\`, the knowledge and its indexes, Node ${engineUse.node}`, ms(engineUse.median), spread(engineUse), 'none set', '', 'no budget']);
  if (results.sizes) {
    const bytes = results.sizes.vsixBytes;
    const margin = `${((bytes / BUDGETS.vsixBytes.goal) * 100).toFixed(0)}% of the goal${bytes > 400_000 && bytes <= BUDGETS.vsixBytes.goal ? '; over 400 kB if counted in decimal units' : ''}`;
    rows.push(['vsixBytes', `${bytes.toLocaleString('en')} B (${kib(bytes)})`, margin, '1.5 MiB (1,572,864 B)', '400 KiB (409,600 B)', mark(results.sizes.verdict)]);
  }
  for (const c of at2000) rows.push([`analyzeMs, ${c.label}, 2,000 lines`, `p50 ${ms(c.ms.median, 2)}`, `p95 ${ms(c.ms.p95, 2)}, max ${ms(c.ms.max, 2)}`, '16 ms', '', mark(verdict(c.ms.median, BUDGETS.analyze2000Ms))]);
  for (const c of config5000) rows.push([`analyzeMs, ${c.label}, 5,000 lines`, `p50 ${ms(c.ms.median, 2)}`, `p95 ${ms(c.ms.p95, 2)}, max ${ms(c.ms.max, 2)}`, '16 ms ("well under a frame")', '', mark(verdict(c.ms.median, BUDGETS.analyzeConfig5000Ms))]);
  if (results.scan) {
    const s = results.scan;
    rows.push(['scan: `mq-lens check` time / `rg -j1` time', `${s.checkRatio}×`, `${ms(s.results.mqLensCheck?.ms.median, 0)} vs ${ms(s.results.rgCheckFiles?.ms.median, 0)}`, '5×', '2×', mark(s.checkVerdict)]);
    rows.push(['scan: `mq-lens detect` time / `rg -j1` time', `${s.detectRatio}×`, `${ms(s.results.mqLensDetect?.ms.median, 0)} vs ${ms(s.results.rgDetectFiles?.ms.median, 0)}`, '5×', '2×', mark(s.detectVerdict)]);
    for (const shape of s.shapes?.filter((x) => x.id !== 'monorepo') ?? []) {
      rows.push([`  the same, ${shape.id}: check / detect`, `${shape.checkRatio}× / ${shape.detectRatio}×`, `${ms(shape.results.mqLensCheck?.ms.median, 0)} and ${ms(shape.results.mqLensDetect?.ms.median, 0)} vs ${ms(shape.results.rgCheckFiles?.ms.median, 0)} and ${ms(shape.results.rgDetectFiles?.ms.median, 0)}`, '5×', '2× (issue 14: 3×)', mark(verdict(Math.max(shape.checkRatio, shape.detectRatio), BUDGETS.scanRatio))]);
    }
  }
  if (results.peakRssMb) rows.push(['peakRssMb: CLI on the monorepo', `${results.peakRssMb.value} MB`, 'largest of 4 runs (check and detect)', '200 MB', '', mark(results.peakRssMb.verdict)]);
  if (editor) {
    rows.push(['editor: edit → `onDidChangeDiagnostics`, 2,000-line file', ms(editor.editToEventMs.median), spread(editor.editToEventMs), 'none set', '', 'no budget']);
    rows.push([`  the same, minus the ${debounce} ms debounce`, ms(editor.editToEventMinusDebounceMs.median), spread(editor.editToEventMinusDebounceMs), 'none set', '', 'no budget']);
  }
  if (firstStatus) rows.push([`first status: the status bar names the brokers, ${firstStatus.files.toLocaleString('en')}-file workspace, after activation starts`, ms(firstStatus.median, 0), spread(firstStatus, 0), '2 s', '', mark(firstStatus.verdict)]);
  if (hostScan) {
    rows.push([`workspace scan in the extension host, ${hostScan.files.toLocaleString('en')} files`, ms(hostScan.scanMs, 0), `${hostScan.filesWithEvidence} files with evidence; first scan done ${ms(hostScan.firstScanDoneMs, 0)} after the host started`, 'none set', '', 'no budget']);
    rows.push(['  longest the extension host was blocked during that scan', ms(hostScan.longestStallMs), `p95 ${ms(hostScan.stall.p95)} over ${hostScan.ticks} ticks of a 10 ms timer; ${hostScan.stallsOver50Ms} over 50 ms`, `must not block (a ${LONG_TASK_MS} ms long task)`, '', hostScan.verdict]);
  }
  md.push(table(['figure', 'median', 'spread', 'budget', 'goal', 'verdict'], rows), '');
  if (notRun.length) md.push(`**Could not run:** ${notRun.map((n) => `${n.benchmark} (${n.reason})`).join('; ')}.`, '');

  // 1. activation
  md.push('## 1. Activation', '');
  md.push('**activateMs** is the duration of MQ Lens\'s `activate()` as it records it itself (`performance.now()` at its start and end; the API object it returns carries `timings.activateMs`). '
    + `It is read by a small suite (bench/host/index.ts) that VS Code's web integration-test contract loads into the real extension host of code-server, with the packaged VSIX installed. Each of the ${hosts.length} runs is a fresh page load of the workbench, so a fresh extension host; activation comes from the workspace (\`workspaceContains:**/*.properties\`). `
    + 'It covers creating the output channel, the diagnostics collection, the workspace scanner and tree view, and registering providers and commands; it does not include loading the bundle, which is moduleLoadMs.', '');
  if (act) md.push(`Samples (ms): ${act.samples.map((x) => x.toFixed(2)).join(', ')}.`, '');
  md.push('**moduleLoadMs** is `require()` of the packaged `extension.js` (taken out of the VSIX) in plain Node with module resolution hooked so that `vscode` is a stub; each sample is a fresh process, so nothing is cached but the operating system\'s file cache. The extension host pays this before `activate()` runs.', '');
  if (moduleLoad) {
    const engine = moduleLoad.results.some((r) => r.engineFirstUseMs);
    if (engine) md.push('Activation does not load the analysers: they are `dist/engine.js`, and the knowledge base `dist/knowledge.json`, which the first analysis, hover or scan requires (scripts/build.mjs). **engineFirstUseMs** is that cost, measured in the same processes right after the require: loading `engine.js`, reading and parsing the knowledge, and building its key and client indexes.', '');
    md.push(table(['Node', 'moduleLoadMs median', 'spread', ...(engine ? ['engineFirstUseMs median', 'spread'] : [])], moduleLoad.results.map((r) => [r.node, ms(r.ms.median), spread(r.ms), ...(engine ? [r.engineFirstUseMs ? ms(r.engineFirstUseMs.median) : '', r.engineFirstUseMs ? spread(r.engineFirstUseMs) : ''] : [])])), '');
  }
  if (results.activation.openToDiagnosticsMs) {
    const o = results.activation.openToDiagnosticsMs;
    md.push(`Also measured in every host (after the first workspace scan finished): opening the generated 2,000-line producer.properties until its MQ Lens diagnostics exist, median ${ms(o.median)} (${spread(o)}). `
      + `It includes VS Code loading the file and handing it to the extension host, and MQ Lens's first analysis of it, which runs synchronously in the host's open event: \`openTextDocument\` itself resolves only after that event (median ${ms(results.activation.openTextDocumentMs?.median)}), so the two cannot be told apart from inside the host; the analysis figures of section 3 say how much of it is MQ Lens's.`, '');
  }
  if (hostErrors.length) md.push(`Extension host runs that did not report: ${hostErrors.join('; ')}.`, '');

  // 2. sizes
  md.push('## 2. Sizes', '');
  if (sizes) {
    md.push(`From the production build (\`npm run package\`: minified bundles, the VSIX built by vsce from the .vscodeignore allowlist). vsixBytes is ${sizes.vsixBytes.toLocaleString('en')} bytes (${kib(sizes.vsixBytes)}, ${sizes.vsixFiles} files): budget 1.5 MiB, goal 400 KiB, so **${verdict(sizes.vsixBytes, BUDGETS.vsixBytes)}**.`, '');
    md.push(table(['bundle', 'bytes', 'gzipped', 'in the VSIX'], Object.entries(sizes.bundles).map(([name, b]) => [name, `${b.bytes.toLocaleString('en')} (${kib(b.bytes)})`, kib(b.gzipBytes), b.inVsix === false ? 'no (the CLI, `bin` of the npm package)' : 'yes'])), '');
    md.push('What the VSIX holds (compressed sizes are what the download costs):', '');
    md.push(table(['part', 'files', 'bytes', 'compressed'], sizes.vsixContents.map((g) => [g.group, String(g.files), kib(g.bytes), kib(g.compressedBytes)])), '');
    md.push('What the bundles are made of (esbuild metafile of a production build of the same sources):', '');
    for (const [name, parts] of Object.entries(sizes.composition)) {
      md.push(`- \`${name}\`: ${parts.map((p) => `${p.part} ${kib(p.bytes)} (${p.percent}%)`).join(', ')}`);
    }
    md.push('');
  }

  // 3. analysis
  md.push('## 3. analyzeMs: `analyzeText` per document', '');
  md.push('The core\'s one entry point, as the extension calls it on every (debounced) edit and the CLI per file, in plain Node on generated but realistic files: settings and code a real project has, with a `mq-lens: workload=online` directive, the client imports that make settings in code count, and risky values (acks=1, linger.ms=100, retries=0, idempotence off, auto-commit, …) repeated as override sections every few hundred lines, so rules fire in proportion to size. '
    + `Each case is warmed up (3 calls, 1 when a call takes over half a second) and then timed over repeated calls (p50 and p95; at least 20 calls, or 8 when a case is very slow); "first call" is the first call for that file in the process (the JIT has not yet seen that format's code). The knowledge indexes are built once before (key index ${ms(analyze?.keyIndexMs, 2)}, client index ${ms(analyze?.clientIndexMs, 2)} on first use). Budget: under 16 ms for 2,000 lines; 5,000-line configuration files "well under a frame" (16 ms).`, '');
  if (cases.length) {
    md.push(table(['format', 'lines', 'KiB', 'settings', 'findings', 'p50', 'p95', 'min', 'max', 'first call', 'n', 'verdict (p50 / p95)'],
      cases.map((c) => [c.label, c.lines.toLocaleString('en'), (c.bytes / KiB).toFixed(0), String(c.settings), String(c.findings), ms(c.ms.median, 2), ms(c.ms.p95, 2), ms(c.ms.min, 2), ms(c.ms.max, 2), ms(c.firstMs, 1), String(c.ms.n),
        c.lines === 2000 || c.lines === 5000 ? `${mark(verdict(c.ms.median, BUDGETS.analyze2000Ms))} / ${mark(verdict(c.ms.p95, BUDGETS.analyze2000Ms))}` : ''])), '');
  }
  if (worst2000) md.push(`Slowest at 2,000 lines: ${worst2000.label}, p50 ${ms(worst2000.ms.median, 2)}.`, '');
  for (const [format, profile] of Object.entries(analyze?.profiles ?? {})) {
    md.push(`CPU profile of analysing the 2,000-line ${format} file repeatedly (\`node --cpu-prof\`, self time, ${profile.totalMs} ms sampled):`, '', profileTable(profile), '');
    md.push(`By file: ${profile.files.slice(0, 6).map((f) => `${f.file} ${f.selfPercent}%`).join(', ')}.`, '');
  }

  // 4. scan
  md.push('## 4. scan: the CLI over a monorepo, against ripgrep', '');
  if (scan) {
    md.push(`A generated monorepo of ${scan.tree.files.toLocaleString('en')} files (${(scan.tree.bytes / MiB).toFixed(1)} MiB) in a temp dir: Java/Spring services with pom.xml, Python packages, Go services, TypeScript web packages, Kubernetes and Helm files, scripts, docs and images (${Object.entries(scan.tree.byKind).map(([k, n]) => `${n} ${k}`).join(', ')}). About 3% of the code imports a messaging client; a few services carry Kafka .properties, Spring YAML and compose files. `
      + `\`mq-lens check\` reads ${scan.fileSets.check.files.toLocaleString('en')} of the files (${(scan.fileSets.check.bytes / MiB).toFixed(1)} MiB), \`detect\` ${scan.fileSets.detect.files.toLocaleString('en')}.`, '');
    md.push(`The baseline is ripgrep, single-threaded (\`rg -j1\`), searching for the same things MQ Lens looks for: ${scan.rgPatterns.count} literals taken from the knowledge base (every configuration key spelling, alias and Spring name, every client import prefix and package name, broker environment variables and URL schemes), case-insensitively (\`${scan.rgPatterns.flags}\`), `
      + `restricted by globs to exactly the files each command reads (checked: ripgrep's file list ${scan.fileSets.rgMatchesMqLens ? 'matches' : '**does not match**'} MQ Lens's). Both write to a pipe (ripgrep stops at the first match per file when its output is /dev/null). `
      + `Times are wall-clock, process start to exit (Node's start-up included, as a user would see it); median of ${scan.runs} interleaved rounds after a warm-up round that fills the file cache.`, '');
    md.push(table(['command', 'median', 'spread', 'files read', 'files/s', 'MiB/s', 'tree files/s', 'output'],
      Object.values(scan.results).map((r) => [r.label, ms(r.ms.median, 0), spread(r.ms, 0), r.filesRead.toLocaleString('en'), r.filesPerSecond.toLocaleString('en'), String(r.mbPerSecond), r.treeFilesPerSecond.toLocaleString('en'), kib(r.outputBytes)])), '');
    md.push(`Ratios (mq-lens time / rg time, same files): **check ${scan.checkRatio}×, detect ${scan.detectRatio}×** (budget 5×, goal 2×).`, '');
    const others = scan.shapes?.filter((x) => x.id !== 'monorepo') ?? [];
    if (others.length > 0) {
      md.push('The same measurement over three more layouts, each generated in its own folder (bench/lib/generate.ts; shapes taken from real repositories, no real file copied). ripgrep is given the same globs, and is told to leave out the vendored folder MQ Lens leaves out (a `vendor/` with `modules.txt`).', '');
      md.push(table(['layout', 'files (check reads)', 'check', 'rg (check\'s files)', 'ratio', 'detect', 'rg (detect\'s files)', 'ratio', 'findings, detections'], others.map((x) => [
        x.label, `${x.tree.files.toLocaleString('en')} (${x.fileSets.check.files.toLocaleString('en')})`,
        ms(x.results.mqLensCheck?.ms.median, 0), ms(x.results.rgCheckFiles?.ms.median, 0), `**${x.checkRatio}×**`,
        ms(x.results.mqLensDetect?.ms.median, 0), ms(x.results.rgDetectFiles?.ms.median, 0), `**${x.detectRatio}×**`,
        `${x.output.findings}, ${x.output.detections}`,
      ])), '');
    }
    md.push(`What the CLI found, so the work is real: ${scan.output.findings} findings (${Object.entries(scan.output.findingsByRule).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([r, n]) => `${r} ${n}`).join(', ')}, …), ${scan.output.detections} detections (${Object.entries(scan.output.brokers).map(([b, n]) => `${b} ${n}`).join(', ')}).`, '');
    for (const [command, profile] of Object.entries(scan.profiles ?? {})) {
      md.push(`CPU profile of \`mq-lens ${command}\` over the monorepo (\`node --cpu-prof\` on the unminified out/src/cli/main.js, the same code; self time, ${profile.totalMs} ms sampled):`, '', profileTable(profile), '');
      md.push(`By file: ${profile.files.slice(0, 6).map((f) => `${f.file} ${f.selfPercent}%`).join(', ')}.`, '');
    }

    // 5. memory
    md.push('## 5. peakRssMb', '');
    md.push(`The CLI bundle's exported \`run()\` called by a small wrapper (bench/cliRss.ts) that then prints \`process.resourceUsage().maxRSS\`; output is counted, not kept. Over the same monorepo: ${Object.entries(scan.rssRuns).map(([c, runs]) => `${c} ${runs.map((r) => `${r.peakRssMb} MB`).join(' and ')}`).join('; ')}. Peak **${scan.peakRssMb} MB**, budget 200 MB: **${verdict(scan.peakRssMb, BUDGETS.peakRssMb)}**.`, '');
  }

  // 6. editor
  md.push('## 6. The editor path: an edit to updated diagnostics', '');
  if (editor) {
    md.push(`In the last extension host run, the bench suite opens the generated ${editor.file} and makes ${editor.edits} edits (after 4 warm-up edits, kept apart) that each change the findings (${editor.findings}): typing \`0\` after \`linger.ms=5\` (a warning under the file's online workload) and deleting it again, through ${editor.method === 'type' ? 'VS Code\'s `type` and `deleteLeft` editor commands' : '`TextEditor.edit`'}. `
      + 'Each is timed from issuing the edit until `vscode.languages.onDidChangeDiagnostics` reports the new diagnostics for the file. '
      + `MQ Lens debounces diagnostics on typing by ${debounce} ms (src/vscode/diagnostics.ts), and VS Code batches \`onDidChangeDiagnostics\` events for 50 ms in the extension host, so the figure has about ${debounce + 50} ms of deliberate waiting in it.`, '');
    md.push(table(['stage', 'median', 'spread'], [
      ['edit → onDidChangeDiagnostics (as measured)', ms(editor.editToEventMs.median), spread(editor.editToEventMs)],
      [`the same minus the ${debounce} ms debounce`, ms(editor.editToEventMinusDebounceMs.median), spread(editor.editToEventMinusDebounceMs)],
      ['edit → diagnostics set (polled every 1 ms, before VS Code\'s event batching)', ms(editor.editToDiagnosticsSetMs.median), spread(editor.editToDiagnosticsSetMs)],
      [`the same minus the ${debounce} ms debounce`, ms(editor.editToDiagnosticsSetMinusDebounceMs.median), spread(editor.editToDiagnosticsSetMinusDebounceMs)],
      ['edit → the extension host sees the change (VS Code round trip)', ms(editor.editToChangeMs.median), spread(editor.editToChangeMs)],
      [`MQ Lens's own share: change → diagnostics set, minus the debounce (analysis, building the diagnostics)`, ms(editor.changeToDiagnosticsSetMinusDebounceMs.median), spread(editor.changeToDiagnosticsSetMinusDebounceMs)],
      ['diagnostics set → onDidChangeDiagnostics (VS Code\'s batching)', ms(editor.diagnosticsSetToEventMs.median), spread(editor.diagnosticsSetToEventMs)],
    ]), '');
    md.push(`Warm-up edits (the first in a fresh window, while the workbench still starts up), edit → event: ${editor.warmupEditToEventMs.map((x) => `${x} ms`).join(', ')}.`, '');
  } else {
    md.push('Not measured in this run (see "Could not run").', '');
  }

  md.push('## 7. The workspace scan in the extension host', '');
  if (hostScan) {
    md.push(`One more fresh extension host opens the generated monorepo (${hostScan.files.toLocaleString('en')} files, the same generator as the CLI scan). After the first scan (done ${ms(hostScan.firstScanDoneMs, 0)} after the host started), the suite runs a full rescan, ${ms(hostScan.scanMs, 0)}, while a 10 ms interval timer records how late each tick fires: a late tick is time the host spent on something it could not interrupt, MQ Lens's work included. The longest delay was ${ms(hostScan.longestStallMs)} (p95 ${ms(hostScan.stall.p95)}, ${hostScan.stallsOver50Ms} of ${hostScan.ticks} ticks over 50 ms, the threshold browsers call a long task). The scan reads files through \`vscode.workspace.fs\`, works in chunks of 100 files and yields to the event loop between chunks, so hovers, code actions and other extensions keep being served while it runs.`, '');
  } else {
    md.push(`Not measured in this run${hostScanPart?.error ? `: ${hostScanPart.error.split('\n')[0]}` : ' (see "Could not run")'}.`, '');
  }
  if (firstStatus) {
    md.push(`**First status.** ${firstStatusSamples.length} more fresh extension hosts open a generated monorepo of ${firstStatus.files.toLocaleString('en')} files. MQ Lens records when its status-bar item first names a broker, counted from the start of \`activate()\` (\`timings.firstStatusMs\`): the first scan of a session shows what it has found every 250 ms, so the first broker appears as soon as the first file that shows one is read, not when the whole workspace is done. Median **${ms(firstStatus.median, 0)}** (${spread(firstStatus, 0)}); samples ${firstStatus.samples.join(', ')} ms. Goal: within 2 s.`, '');
  }

  md.push('## Not measured', '');
  md.push('- Activation in desktop VS Code (Electron): it cannot be downloaded on this machine; code-server runs the same extension host code on Node.');
  md.push('- The time VS Code itself spends loading the extension (reading the manifest, resolving and requiring the bundle) inside the extension host: VS Code records it but does not expose it to extensions; moduleLoadMs stands in for the require part.');
  md.push('- A physical keystroke: the edits are issued from the extension host (the `type` command goes through the editor as typing does), so they add one host → workbench hop that a real keystroke does not have; the "round trip" row shows its size.');
  md.push('');
  fs.writeFileSync(values.markdown, `${md.join('\n')}\n`);
  console.log(`wrote ${values.json} and ${values.markdown}`);
}

main();
