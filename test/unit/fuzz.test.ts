// A fixed-seed slice of the fuzzing (test/fuzz/inputs.ts): every format, generated hostile text, every invariant.
// `npm run fuzz` runs 100,000 inputs per format with a fresh seed.
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkInvariants, FAMILIES, textOf } from '../fuzz/inputs';

describe('fuzzing every format (fixed seed)', () => {
  for (const [name, family] of Object.entries(FAMILIES)) {
    it(`${name}: no exception, every span, fix and line inside the document`, () => {
      fc.assert(fc.property(fc.constantFrom(...family.files), textOf(family), (file, text) => checkInvariants(file, text)), { numRuns: 150, seed: 20261208 });
    });
  }
});
