// Shared by scripts/recall.cjs and scripts/flow.cjs: reads reviewers' label files (JSON lines naming files by
// repository, commit and path) and materializes the labelled files from local bare git mirrors (one folder per
// repository, named owner+name, as the `fetch` tool leaves them) under one temporary tree per repository.
const fs = require('fs');
const path = require('path');
const cp = require('child_process');
const os = require('os');

/** Every label in the folder's `*.jsonl` files, in file order; `group` is the file's name without `.jsonl`. */
function readLabels(dir) {
  const labels = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (line.trim()) labels.push({ ...JSON.parse(line), group: file.replace(/\.jsonl$/, '') });
    }
  }
  return labels;
}

function gitDir(mirrors, repo) {
  const base = path.join(mirrors, repo.replace('/', '+'));
  if (!fs.existsSync(base)) return undefined;
  if (fs.existsSync(path.join(base, 'HEAD'))) return base;
  for (const entry of fs.readdirSync(base)) if (fs.existsSync(path.join(base, entry, 'HEAD'))) return path.join(base, entry);
  return undefined;
}

/**
 * Writes each labelled file (at its commit, or HEAD when the commit is gone) under `work/owner+name/path`. Returns the
 * labels whose file was written (`present`, one per file) and the `repo:path` of those that could not be (`missing`).
 */
function materialize(labels, mirrors, prefix, into) {
  const work = into ?? fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const missing = [];
  const present = [];
  const seen = new Set();
  for (const label of labels) {
    const id = `${label.repo}:${label.path}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const dir = gitDir(mirrors, label.repo);
    let text;
    for (const rev of [label.commit, 'HEAD']) {
      if (!dir || !rev || text !== undefined) continue;
      try {
        text = cp.execFileSync('git', ['--git-dir', dir, 'show', `${rev}:${label.path}`], { maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        // not at this revision
      }
    }
    if (text === undefined) {
      missing.push(id);
      continue;
    }
    const dest = path.join(work, label.repo.replace('/', '+'), label.path);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, text);
    present.push(label);
  }
  return { work, present, missing };
}

/** The options both measurements take: `--cli`, `--mirrors` (or MQ_LENS_MIRRORS) and `--json`. */
function commonOptions(args) {
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
  };
  const root = path.resolve(__dirname, '..');
  return {
    root,
    cli: path.resolve(option('--cli', path.join(root, 'dist/cli.js'))),
    mirrors: option('--mirrors', process.env.MQ_LENS_MIRRORS || '/work/.mirror'),
    jsonOut: option('--json', undefined),
  };
}

module.exports = { commonOptions, gitDir, readLabels, materialize };
