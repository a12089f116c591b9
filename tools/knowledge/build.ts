// `npm run build` runs this (bundled by scripts/build.mjs); `--check`: validates knowledge/, writes src/generated/knowledge.json and
// docs/rules/*.md. With --check it writes nothing and fails when a generated doc differs from the committed one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadKnowledge } from './load';
import { renderRuleDoc, renderRuleIndex } from './docs';

export function generatedDocs(root: string): Map<string, string> | undefined {
  const { knowledge, problems } = loadKnowledge(root);
  if (problems.length > 0) return undefined;
  const docs = new Map<string, string>();
  for (const rule of knowledge.rules) docs.set(`docs/rules/${rule.id}.md`, renderRuleDoc(rule));
  docs.set('docs/rules/README.md', renderRuleIndex(knowledge.rules));
  return docs;
}

function main(): number {
  const root = path.resolve(process.env.MQ_LENS_ROOT ?? process.cwd());
  const check = process.argv.includes('--check');
  const { knowledge, problems, files } = loadKnowledge(root);
  if (problems.length > 0) {
    for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}: error: ${p.message}`);
    console.error(`knowledge: ${problems.length} problem(s) in ${files.length} file(s); nothing was written.`);
    return 1;
  }
  const docs = generatedDocs(root)!;
  if (check) {
    const stale = [...docs].filter(([file, text]) => !fs.existsSync(path.join(root, file)) || fs.readFileSync(path.join(root, file), 'utf8') !== text);
    for (const [file] of stale) console.error(`${file} is stale: run npm run build`);
    return stale.length > 0 ? 1 : 0;
  }
  fs.mkdirSync(path.join(root, 'src/generated'), { recursive: true });
  // `checked` (the month a fact was last checked) serves the freshness test, not the extension: it stays out of the bundle.
  fs.writeFileSync(path.join(root, 'src/generated/knowledge.json'), JSON.stringify(knowledge, (name, value: unknown) => (name === 'checked' ? undefined : value)));
  fs.mkdirSync(path.join(root, 'docs/rules'), { recursive: true });
  const wanted = new Set([...docs.keys()].map((f) => path.basename(f)));
  for (const name of fs.readdirSync(path.join(root, 'docs/rules'))) {
    if (!wanted.has(name)) fs.rmSync(path.join(root, 'docs/rules', name));
  }
  for (const [file, text] of docs) fs.writeFileSync(path.join(root, file), text);
  console.log(`knowledge: ${files.length} files, ${knowledge.rules.length} rules, ${knowledge.keys.length} keys, ${knowledge.clients.length} clients, ${knowledge.brokers.length} brokers`);
  return 0;
}

if (require.main === module) process.exitCode = main();
