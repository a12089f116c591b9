// moduleLoadMs: the time to require() the extension bundle in plain Node, with `vscode` resolved to a stub, each
// time in a fresh process (what the extension host pays before activate() runs, minus its own overhead). Then, in the
// same process, engineFirstUseMs: what the first analysis or hover pays later to load what activation leaves out
// (dist/engine.js, when the build has it, and the knowledge with its indexes).
//
// usage: node out/bench/moduleLoad.js --bundle dist/extension.js --runs 30 --out FILE [--node PATH]…
//        node out/bench/moduleLoad.js --child BUNDLE     (one measurement; prints JSON)
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { summarize, writeJson } from './lib/stats';

/** An object that answers every property access, call and construction with itself: enough for module load. */
function vscodeStub(): unknown {
  let stub: object;
  const handler: ProxyHandler<object> = {
    get: (_target, property) => {
      if (property === Symbol.toPrimitive) return () => 0;
      if (property === 'then' || property === '__esModule') return undefined;
      return stub;
    },
    apply: () => stub,
    construct: () => stub,
    // esbuild's __toESM copies own properties and inherits the rest from the module's prototype: make it the stub.
    getPrototypeOf: () => stub,
  };
  stub = new Proxy(function vscode() { /* stub */ }, handler);
  return stub;
}

function child(bundle: string): void {
  // Hook module loading so that `require('vscode')` gets the stub; everything else loads as usual.
  const Module = require('node:module') as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = Module._load;
  const stub = vscodeStub();
  Module._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request === 'vscode') return stub;
    return original.call(this, request, parent, isMain);
  };
  const start = performance.now();
  const exports = require(path.resolve(bundle)) as { activate?: unknown };
  const requireMs = performance.now() - start;
  if (typeof exports.activate !== 'function') throw new Error('the bundle does not export activate()');
  const engineFile = path.join(path.dirname(path.resolve(bundle)), 'engine.js');
  let engineFirstUseMs: number | undefined;
  if (require('node:fs').existsSync(engineFile)) {
    const engineStart = performance.now();
    const engine = require(engineFile) as { bundledKeyIndex: () => unknown; bundledClientIndex: () => unknown };
    engine.bundledKeyIndex();
    engine.bundledClientIndex();
    engineFirstUseMs = performance.now() - engineStart;
  }
  process.stdout.write(JSON.stringify({ requireMs, engineFirstUseMs, node: process.version }));
}

function main(): void {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' }, bundle: { type: 'string' }, runs: { type: 'string', default: '30' }, out: { type: 'string' },
      node: { type: 'string', multiple: true },
    },
  });
  if (values.child) return child(values.child);
  if (!values.bundle || !values.out) throw new Error('--bundle and --out are required');
  const nodes = values.node?.length ? values.node : [process.execPath];
  const results = [];
  for (const node of nodes) {
    const samples: number[] = [];
    const engineSamples: number[] = [];
    let version = '';
    for (let i = 0; i < Number(values.runs); i++) {
      const run = spawnSync(node, [__filename, '--child', values.bundle], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`module load failed with ${node}: ${run.stderr}`);
      const { requireMs, engineFirstUseMs, node: v } = JSON.parse(run.stdout) as { requireMs: number; engineFirstUseMs?: number; node: string };
      samples.push(requireMs);
      if (engineFirstUseMs !== undefined) engineSamples.push(engineFirstUseMs);
      version = v;
    }
    const summary = summarize(samples);
    const engine = engineSamples.length > 0 ? summarize(engineSamples) : undefined;
    results.push({ node: version, nodePath: node, ms: summary, samples: samples.map((x) => Number(x.toFixed(3))), ...(engine ? { engineFirstUseMs: engine } : {}) });
    console.log(`moduleLoad (Node ${version}): median ${summary.median.toFixed(2)} ms, p95 ${summary.p95.toFixed(2)} ms over ${summary.n} fresh processes${engine ? `; engine on first use ${engine.median.toFixed(2)} ms` : ''}`);
  }
  writeJson(values.out, { bundle: path.basename(values.bundle), results });
}

main();
