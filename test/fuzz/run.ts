// `npm run fuzz`: every format with many generated inputs (100,000 per family by default) and a fresh seed, checking
// the invariants of test/fuzz/inputs.ts. A failure prints the seed and the smallest input fast-check found, so it can
// be replayed: `npm run fuzz -- --runs N --seed S [--family NAME]`.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkInvariants, FAMILIES, textOf } from './inputs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' }, family: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2147483647 : Number(values.seed);
let failed = 0;
for (const [name, family] of Object.entries(FAMILIES)) {
  if (values.family && values.family !== name) continue;
  const start = performance.now();
  const result = fc.check(fc.property(fc.constantFrom(...family.files), textOf(family), (file, text) => checkInvariants(file, text)), { numRuns: runs, seed });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (result.failed) {
    failed++;
    console.log(`${name}: FAILED after ${result.numRuns} inputs (seed ${seed}, path ${result.counterexamplePath}): ${JSON.stringify(result.counterexample)}\n  ${String(result.errorInstance).split('\n')[0]}`);
  } else {
    console.log(`${name}: ${result.numRuns} inputs, no invariant broken (${seconds} s, seed ${seed})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
