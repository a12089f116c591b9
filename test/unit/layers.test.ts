// The layering invariant (ARCHITECTURE.md): src/core imports neither `vscode` nor Node's built-in modules, and
// src/shared imports neither `vscode` nor the DOM's globals through modules; only src/vscode may import `vscode`.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './helpers';

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'child_process', 'worker_threads', 'net', 'http', 'https', 'crypto', 'util', 'url', 'stream', 'zlib', 'process']);
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
}

describe('layers', () => {
  for (const layer of ['src/core', 'src/shared']) {
    it(`${layer} imports no vscode and no Node built-in module`, () => {
      const offending: string[] = [];
      for (const file of sourceFiles(path.join(ROOT, layer))) {
        for (const spec of importsOf(file)) {
          const bare = spec.replace(/^node:/, '').split('/')[0]!;
          if (spec === 'vscode' || spec.startsWith('node:') || NODE_BUILTINS.has(bare)) offending.push(`${path.relative(ROOT, file)} imports ${spec}`);
          if (layer === 'src/core' && spec.includes('/vscode/')) offending.push(`${path.relative(ROOT, file)} imports ${spec}`);
        }
      }
      assert.deepEqual(offending, []);
    });
  }

  it('the checker itself sees a forbidden import', () => {
    const probe = path.join(ROOT, 'out', 'layer-probe.ts');
    fs.mkdirSync(path.dirname(probe), { recursive: true });
    fs.writeFileSync(probe, "import * as vscode from 'vscode';\nconst fs = require('node:fs');\n");
    try {
      assert.deepEqual(importsOf(probe), ['vscode', 'node:fs']);
    } finally {
      fs.rmSync(probe);
    }
  });

  it('only src/vscode imports vscode', () => {
    const offending = ['src/cli', 'tools'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
      .filter((file) => importsOf(file).includes('vscode'))
      .map((file) => path.relative(ROOT, file));
    assert.deepEqual(offending, []);
  });
});
