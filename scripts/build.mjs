// The build: knowledge pipeline first (validate, compile, generate docs), then the bundles.
//   node scripts/build.mjs                  development build (source maps)
//   node scripts/build.mjs --production     minified bundles, as packaged in the VSIX
//   node scripts/build.mjs --knowledge-only only the knowledge pipeline
//   node scripts/build.mjs --check-docs     fail when docs/rules/ is stale; writes nothing
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

// The knowledge tool is bundled and run at once, so it needs no type-check of the code it generates data for.
const knowledgeTool = path.join(root, 'out/build-tools/knowledge.js');
await build({
  entryPoints: [path.join(root, 'tools/knowledge/build.ts')],
  outfile: knowledgeTool, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
});
try {
  execFileSync(process.execPath, [knowledgeTool, ...(args.has('--check-docs') ? ['--check'] : [])], {
    cwd: root, stdio: 'inherit', env: { ...process.env, MQ_LENS_ROOT: root },
  });
} catch {
  process.exit(1);
}
if (args.has('--knowledge-only') || args.has('--check-docs')) process.exit(0);

// The knowledge base is bundled as JSON.parse of a string: V8 parses JSON much faster than it compiles the same
// data as an object literal, which matters for activation (it is the largest part of the bundle).
const jsonAsString = {
  name: 'knowledge-as-json-string',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]generated[\\/]knowledge\.json$/ }, async (args) => {
      const text = readFileSync(args.path, 'utf8');
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

// The yaml library is needed only when the fast YAML scanner declines a file, so it is its own file (dist/yaml.js),
// required on first use, instead of code every activation parses.
const yamlApart = {
  name: 'yaml-apart',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};

const common = {
  plugins: [jsonAsString, yamlApart],
  bundle: true, minify: production, sourcemap: production ? false : 'linked', logLevel: 'warning',
  legalComments: 'none', metafile: true,
};
await Promise.all([
  build({
    ...common, entryPoints: [path.join(root, 'src/vscode/extension.ts')], outfile: path.join(root, 'dist/extension.js'),
    platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'],
  }),
  build({
    ...common, entryPoints: [path.join(root, 'src/cli/main.ts')], outfile: path.join(root, 'dist/cli.js'),
    platform: 'node', format: 'cjs', target: 'node18', banner: { js: '#!/usr/bin/env node' },
    define: { MQ_LENS_VERSION: JSON.stringify(version) },
  }),
  build({
    ...common, plugins: [], entryPoints: [path.join(root, 'node_modules/yaml/dist/index.js')], outfile: path.join(root, 'dist/yaml.js'),
    platform: 'node', format: 'cjs', target: 'node18',
  }),
  build({
    ...common, entryPoints: [path.join(root, 'src/webview/wizard.ts')], outfile: path.join(root, 'dist/webview.js'),
    platform: 'browser', format: 'iife', target: 'es2020',
  }),
]);
console.log(`build: dist/extension.js, dist/cli.js, dist/yaml.js and dist/webview.js (${production ? 'production' : 'development'})`);
