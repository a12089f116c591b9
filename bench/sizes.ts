// vsixBytes and bundle sizes from the production build: the VSIX as packaged, each bundle raw and gzipped, and the
// VSIX's largest entries. Also extracts the packaged extension.js (the bytes users run) for the module-load benchmark.
//
// usage: node out/bench/sizes.js --vsix dist/mq-lens.vsix --cli dist/cli.js --extract DIR --out FILE [--root REPO]
// (the CLI bundle is not in the VSIX; its sibling bundles, such as dist/yaml.js, are looked for next to it)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as zlib from 'node:zlib';
import { build } from 'esbuild';
import { writeJson } from './lib/stats';

interface ZipEntry {
  name: string;
  method: number;
  compressedBytes: number;
  bytes: number;
  localHeaderOffset: number;
}

/** Reads a zip's central directory (no zip64: a VSIX of this size never needs it). */
export function zipEntries(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedBytes: zip.readUInt32LE(at + 20),
      bytes: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function zipRead(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  const data = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const raw = zip.subarray(data, data + entry.compressedBytes);
  return entry.method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw);
}

function bundleSize(bytes: Buffer) {
  return { bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length, minified: !/\n\/\/# sourceMappingURL=/.test(bytes.toString('utf8')) && bytes.toString('utf8').split('\n').length < 200 };
}

/** What a production bundle is made of: esbuild's metafile, grouped by origin (same options as scripts/build.mjs). */
async function composition(root: string, entry: string, external: string[], apart: RegExp[]): Promise<Array<{ part: string; bytes: number; percent: number }>> {
  // Files the bundles load on first use instead of holding them (the engine, the knowledge, the yaml library).
  const loadedApart = {
    name: 'loaded-apart',
    setup(b: { onResolve: (options: { filter: RegExp }, callback: (args: { path: string }) => { path: string; external: boolean }) => void }) {
      for (const filter of apart) b.onResolve({ filter }, (args) => ({ path: args.path, external: true }));
    },
  };
  const result = await build({
    entryPoints: [path.join(root, entry)], bundle: true, minify: true, write: false, metafile: true, outfile: 'out.js',
    platform: 'node', format: 'cjs', target: 'node18', external, legalComments: 'none', logLevel: 'silent', plugins: [loadedApart],
    define: { MQ_LENS_VERSION: '"0.0.0"' },
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const parts = new Map<string, number>();
  for (const [input, info] of Object.entries(output.inputs)) {
    const part = input.startsWith('node_modules/') ? input.split('/').slice(0, input.startsWith('node_modules/@') ? 3 : 2).join('/')
      : input.startsWith('src/generated/') ? input
        : input.startsWith('src/') ? input.split('/').slice(0, 2).join('/') + '/' : input;
    parts.set(part, (parts.get(part) ?? 0) + info.bytesInOutput);
  }
  const total = output.bytes;
  return [...parts.entries()].sort((a, b) => b[1] - a[1])
    .map(([part, bytes]) => ({ part, bytes, percent: Number(((bytes / total) * 100).toFixed(1)) }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { vsix: { type: 'string' }, cli: { type: 'string' }, extract: { type: 'string' }, out: { type: 'string' }, root: { type: 'string' } },
  });
  const root = path.resolve(values.root ?? path.join(__dirname, '../..'));
  if (!values.vsix || !values.cli || !values.extract || !values.out) throw new Error('--vsix, --cli, --extract and --out are required');
  const zip = fs.readFileSync(values.vsix);
  const entries = zipEntries(zip);
  // Every bundle the VSIX ships (extension.js and the ones it loads on demand), extracted for the module-load benchmark.
  const shipped = entries.filter((e) => /^extension\/dist\/[^/]+\.(js|json)$/.test(e.name));
  if (!shipped.some((e) => e.name === 'extension/dist/extension.js')) throw new Error('the VSIX holds no extension/dist/extension.js');
  fs.mkdirSync(values.extract, { recursive: true });
  const bundles: Record<string, ReturnType<typeof bundleSize> & { inVsix: boolean }> = {};
  for (const entry of shipped) {
    const bytes = zipRead(zip, entry);
    fs.writeFileSync(path.join(values.extract, path.basename(entry.name)), bytes);
    bundles[entry.name.slice('extension/'.length)] = { ...bundleSize(bytes), inVsix: true };
  }
  bundles['dist/cli.js'] = { ...bundleSize(fs.readFileSync(values.cli)), inVsix: false };
  // What the build keeps in files of their own, loaded on first use (the yaml library, the knowledge, the engine):
  // mirrored here so that the breakdown is of the bytes each bundle holds.
  const apart = (file: string) => shipped.some((e) => e.name === `extension/dist/${file}`) || fs.existsSync(path.join(path.dirname(values.cli!), file));
  const common = [...(apart('yaml.js') ? [/^yaml$/] : []), ...(apart('knowledge.json') ? [/[\\/]generated[\\/]knowledge\.json$/] : [])];
  const groups = new Map<string, { files: number; bytes: number; compressedBytes: number }>();
  for (const e of entries) {
    const group = /\.png$/.test(e.name) ? 'images (*.png)' : /^extension\/docs\/rules\//.test(e.name) ? 'rule pages (docs/rules/*.md)'
      : /^extension\/dist\//.test(e.name) ? e.name.slice('extension/'.length) : 'other (manifest, README, CHANGELOG, LICENSE, CSS, [Content_Types].xml)';
    const g = groups.get(group) ?? { files: 0, bytes: 0, compressedBytes: 0 };
    g.files++;
    g.bytes += e.bytes;
    g.compressedBytes += e.compressedBytes;
    groups.set(group, g);
  }
  const result = {
    vsixBytes: zip.length,
    vsixFiles: entries.length,
    vsixContents: [...groups.entries()].map(([group, g]) => ({ group, ...g })).sort((a, b) => b.compressedBytes - a.compressedBytes),
    largestEntries: [...entries].sort((a, b) => b.compressedBytes - a.compressedBytes).slice(0, 8).map((e) => ({ name: e.name, bytes: e.bytes, compressedBytes: e.compressedBytes })),
    bundles,
    // Rebuilt from the working tree with the production options, for the breakdown only.
    composition: {
      'dist/extension.js': await composition(root, 'src/vscode/extension.ts', ['vscode'], [...common, ...(apart('engine.js') ? [/^\.\/engine$/] : [])]),
      ...(apart('engine.js') ? { 'dist/engine.js': await composition(root, 'src/vscode/engine.ts', ['vscode'], common) } : {}),
      'dist/cli.js': await composition(root, 'src/cli/main.ts', [], common),
    },
  };
  writeJson(values.out, result);
  console.log(`VSIX ${(result.vsixBytes / 1024).toFixed(1)} KiB (${result.vsixFiles} files); ${Object.entries(bundles).map(([n, b]) => `${n} ${(b.bytes / 1024).toFixed(1)} KiB`).join(', ')}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
