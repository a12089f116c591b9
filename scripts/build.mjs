// The build: knowledge pipeline first (validate, compile, generate docs), then the bundles.
//   node scripts/build.mjs                  development build (source maps)
//   node scripts/build.mjs --production     minified bundles, as packaged in the VSIX
//   node scripts/build.mjs --knowledge-only only the knowledge pipeline
//   node scripts/build.mjs --check-docs     fail when docs/rules/ is stale; writes nothing
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';

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

// The knowledge base is its own file, dist/knowledge.json, which the bundles require on first use (bundledKnowledge.ts):
// Node reads and parses a JSON file faster than V8 scans the same data as a string literal inside a bundle, and a
// process that never needs it (activation alone) never reads it.
const knowledgeApart = {
  name: 'knowledge-apart',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /[\\/]generated[\\/]knowledge\.json$/ }, () => ({ path: './knowledge.json', external: true }));
  },
};

// The extension's engine (src/vscode/engine.ts: the analysers, detection, the recommender) is its own bundle,
// dist/engine.js, which src/vscode/lazyEngine.ts requires on first use: activation compiles only the VS Code glue.
const engineApart = {
  name: 'engine-apart',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/engine$/ }, () => ({ path: './engine.js', external: true }));
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
  plugins: [knowledgeApart, yamlApart],
  bundle: true, minify: production, sourcemap: production ? false : 'linked', logLevel: 'warning',
  legalComments: 'none', metafile: true,
};
await Promise.all([
  build({
    ...common, plugins: [...common.plugins, engineApart], entryPoints: [path.join(root, 'src/vscode/extension.ts')], outfile: path.join(root, 'dist/extension.js'),
    platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'],
  }),
  build({
    ...common, entryPoints: [path.join(root, 'src/vscode/engine.ts')], outfile: path.join(root, 'dist/engine.js'),
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
// The knowledge as the bundles require it, without the generated file's whitespace (if any).
writeFileSync(path.join(root, 'dist/knowledge.json'), JSON.stringify(JSON.parse(readFileSync(path.join(root, 'src/generated/knowledge.json'), 'utf8'))));
console.log(`build: dist/extension.js, dist/engine.js, dist/knowledge.json, dist/cli.js, dist/yaml.js and dist/webview.js (${production ? 'production' : 'development'})`);
