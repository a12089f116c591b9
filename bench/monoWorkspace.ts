// Writes the large workspace the extension-host scan benchmark opens: the same generated monorepo as the CLI scan.
// usage: node out/bench/monoWorkspace.js DIR [FILES]
import { writeMonorepo } from './lib/generate';

const dir = process.argv[2];
if (!dir) throw new Error('usage: monoWorkspace.js DIR [FILES]');
console.log(JSON.stringify(writeMonorepo(dir, Number(process.argv[3] ?? '10000'))));
