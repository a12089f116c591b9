// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per source file, heaviest first.
import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  function: string;
  location: string;
  selfMs: number;
  selfPercent: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: HotFunction[];
  files: Array<{ file: string; selfMs: number; selfPercent: number }>;
}

/** Self time per node from the sample stream (each sample's time delta is charged to the node it hit). */
export function summarizeProfile(file: string, root: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; charge the interval after a sample to it (next delta).
    const delta = deltas[i + 1] ?? 0;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + delta);
  }
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const byFunction = new Map<string, { location: string; name: string; us: number }>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? relative(url, root) : '';
    const location = where ? `${where}:${lineNumber + 1}` : '(native)';
    const name = functionName || (where ? '(anonymous)' : `(${node.callFrame.functionName || 'program'})`);
    const key = `${name}@${location}`;
    const entry = byFunction.get(key) ?? { location, name, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
    const fileKey = where || name;
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
  }
  const ms = (us: number) => Number((us / 1000).toFixed(1));
  const percent = (us: number) => Number(((us / totalUs) * 100).toFixed(1));
  return {
    totalMs: ms(totalUs),
    functions: [...byFunction.values()].sort((a, b) => b.us - a.us).slice(0, top)
      .map((f) => ({ function: f.name, location: f.location, selfMs: ms(f.us), selfPercent: percent(f.us) })),
    files: [...byFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
      .map(([f, us]) => ({ file: f, selfMs: ms(us), selfPercent: percent(us) })),
  };
}

function relative(url: string, root: string): string {
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  if (file.startsWith('node:')) return file;
  const rel = path.relative(root, file);
  return rel.startsWith('..') ? file : rel;
}

/** The newest .cpuprofile in a directory. */
export function newestProfile(dir: string): string | undefined {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  return files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}
