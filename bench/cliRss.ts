// Runs the CLI bundle's exported run() in this process and reports its peak resident set size (peakRssMb).
// The CLI's output is counted, not kept, so the figure is the CLI's own memory.
//
// usage: node out/bench/cliRss.js CLI_BUNDLE <mq-lens arguments…>   (prints one JSON line)
import * as path from 'node:path';

interface Cli {
  run(argv: readonly string[], io: { cwd: string; stdout: (text: string) => void; stderr: (text: string) => void }): number;
}

const [bundle, ...argv] = process.argv.slice(2);
if (!bundle) {
  console.error('usage: cliRss.js CLI_BUNDLE <arguments…>');
  process.exit(2);
}
const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
const cli = require(path.resolve(bundle)) as Cli;
let outputBytes = 0;
let stderr = '';
const start = performance.now();
const exitCode = cli.run(argv, {
  cwd: process.cwd(),
  stdout: (text) => (outputBytes += Buffer.byteLength(text)),
  stderr: (text) => (stderr += text),
});
const ms = performance.now() - start;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({
  // maxRSS is in KiB on Linux and macOS.
  peakRssMb: Number((usage.maxRSS / 1024).toFixed(1)),
  rssBeforeRunMb: Number(rssBeforeMb.toFixed(1)),
  runMs: Number(ms.toFixed(1)),
  exitCode,
  outputBytes,
  stderr: stderr.slice(0, 2000),
})}\n`);
