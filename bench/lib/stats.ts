// Summaries of timing samples and a description of the machine: every figure in bench/results.json is a median with
// its spread, next to the machine it was measured on.
import * as fs from 'node:fs';
import * as os from 'node:os';

export interface Summary {
  n: number;
  median: number;
  min: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[], digits = 3): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Number(x.toFixed(digits));
  const middle = sorted.length % 2 === 1
    ? sorted[(sorted.length - 1) / 2]!
    : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return {
    n: sorted.length,
    median: round(sorted.length ? middle : NaN),
    min: round(sorted[0] ?? NaN),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    mean: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  };
}

export interface Machine {
  cpuModel: string;
  cores: number;
  cpuMHz?: number;
  memoryGb: number;
  os: string;
  node: string;
  loadAverageAtStart: number[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  let model = cpus[0]?.model?.trim() || 'unknown';
  // Some virtual machines report a bare family name; /proc/cpuinfo and lscpu-style fields may say more.
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    const named = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim();
    if (named && named.length > model.length) model = named;
  } catch {
    // not Linux
  }
  const speed = cpus[0]?.speed;
  return {
    cpuModel: model,
    cores: cpus.length,
    ...(speed ? { cpuMHz: speed } : {}),
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}

/** Milliseconds since `start` (a performance.now() value), rounded to microseconds. */
export function since(start: number): number {
  return Number((performance.now() - start).toFixed(3));
}

export function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
