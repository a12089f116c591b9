// Measures the flow rules (what code does with a message when handling fails, how it publishes) against reviewers'
// labels of real services (bench/flow/labels/*.jsonl): per family and client, how many labelled occurrences a rule
// reports (within three lines, under the general or the online profile), and how many of the flow rules' findings in
// the labelled files match no labelled occurrence (wrong warnings, to be read one by one).
//
// Like scripts/recall.cjs, the labels name files by repository, commit and path, and the files come from local bare
// git mirrors (`fetch` leaves them under /work/.mirror), so this runs by hand, never in CI:
//   node scripts/flow.cjs [--cli dist/cli.js] [--mirrors /work/.mirror] [--json out.json] [--verbose] [--full]
// With --full each repository's whole tree (at the labelled commit) is checked, so the rules that depend on the rest
// of the workspace (a dead-letter exchange declared in another file) see it; findings still count in labelled files
// only.
const fs = require('fs');
const path = require('path');
const cp = require('child_process');
const { commonOptions, gitDir, materialize, readLabels } = require('./labelled-files.cjs');

const args = process.argv.slice(2);
const { root, cli, mirrors, jsonOut } = commonOptions(args);
const verbose = args.includes('--verbose');
const full = args.includes('--full');
const labelsDir = path.join(root, 'bench/flow/labels');

/** The rules that answer for each labelled family. */
const FAMILY_RULES = {
  'settled-on-failure': ['message-settled-on-failure'],
  // Reviewers also filed Kafka's "a later commit skips the failed record" here.
  'never-settled': ['rabbitmq-message-never-settled', 'message-settled-on-failure'],
  'published-unconfirmed': ['rabbitmq-publish-unconfirmed', 'kafka-send-unchecked'],
  'unroutable-dropped': ['rabbitmq-mandatory-without-return-handler'],
  'commit-before-processing': ['kafka-commit-before-processing'],
  'rejected-into-void': ['rabbitmq-rejected-without-dead-letter'],
};
const FLOW_RULES = new Set(Object.values(FAMILY_RULES).flat());

const labels = readLabels(labelsDir);

// Materialize the labelled files, at their commits, under one temporary tree per repository.
const { work, present, missing } = materialize(labels, mirrors, 'mq-lens-flow-');

function check(cwd, workload) {
  const result = cp.spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--non-production', 'unchanged', ...(workload ? ['--workload', workload] : []), '.'], { cwd, maxBuffer: 1 << 28, encoding: 'utf8' });
  try {
    return JSON.parse(result.stdout).findings || [];
  } catch {
    return [];
  }
}

const byRepo = new Map();
for (const label of present) byRepo.set(label.repo, [...(byRepo.get(label.repo) || []), label]);
if (full) {
  for (const [repo, list] of byRepo) {
    const dir = gitDir(mirrors, repo);
    const dest = path.join(work, repo.replace('/', '+'));
    for (const rev of [list[0].commit, 'HEAD']) {
      if (!rev) continue;
      const extract = cp.spawnSync('sh', ['-c', 'git --git-dir "$1" archive --format=tar "$2" | tar -x -C "$3"', 'sh', dir, rev, dest], { stdio: 'ignore' });
      if (extract.status === 0) break;
    }
  }
  // The labelled files again, at their own commits, over whatever the archive held.
  materialize(present, mirrors, 'unused-', work);
}
const families = {};
const wrong = [];
const missed = [];
const tally = (family, client) => {
  const key = `${family} | ${client}`;
  return (families[key] ??= { family, client, labelled: 0, found: 0 });
};
for (const [repo, list] of byRepo) {
  const dir = path.join(work, repo.replace('/', '+'));
  const all = [...check(dir), ...check(dir, 'online')].filter((f) => FLOW_RULES.has(f.ruleId));
  for (const label of list) {
    const mine = all.filter((f) => f.file === label.path);
    const matched = new Set();
    for (const occurrence of label.occurrences || []) {
      const rules = FAMILY_RULES[occurrence.family] || [];
      const t = tally(occurrence.family, label.client);
      t.labelled++;
      // An occurrence whose cause is a setting elsewhere (Spring's mandatory flag in application.properties) is found
      // by the one finding on that setting, which its label names as `root`.
      const hit = mine.find((f) => rules.includes(f.ruleId) && occurrence.line && Math.abs(f.line - occurrence.line) <= 3)
        || (occurrence.root && all.find((f) => rules.includes(f.ruleId) && f.file === occurrence.root.path && Math.abs(f.line - occurrence.root.line) <= 1));
      if (hit) t.found++;
      else missed.push({ repo, path: label.path, client: label.client, ...occurrence });
    }
    for (const f of mine) {
      const near = (label.occurrences || []).some((o) => o.line && Math.abs(f.line - o.line) <= 3 && (FAMILY_RULES[o.family] || []).includes(f.ruleId));
      const key = `${f.ruleId}:${f.line}`;
      if (!near && !matched.has(key)) {
        matched.add(key);
        wrong.push({ repo, path: label.path, client: label.client, line: f.line, ruleId: f.ruleId, message: f.message });
      }
    }
  }
}
fs.rmSync(work, { recursive: true, force: true });

const rows = Object.values(families).sort((a, b) => a.family.localeCompare(b.family) || a.client.localeCompare(b.client));
const byFamily = {};
for (const r of rows) {
  const f = (byFamily[r.family] ??= { labelled: 0, found: 0 });
  f.labelled += r.labelled;
  f.found += r.found;
}
const pct = (part, whole) => (whole ? `${Math.round((100 * part) / whole)}%` : '-');
const out = ['| family | labelled | found |', '| --- | ---: | ---: |'];
for (const [family, f] of Object.entries(byFamily)) out.push(`| ${family} | ${f.labelled} | ${f.found} (${pct(f.found, f.labelled)}) |`);
const wrongByRule = {};
for (const w of wrong) wrongByRule[w.ruleId] = (wrongByRule[w.ruleId] || 0) + 1;
out.push('', `Files: ${present.length} from ${byRepo.size} repositories (${missing.length} not in the mirrors). Findings matching no labelled occurrence: ${wrong.length} ${JSON.stringify(wrongByRule)}`);
console.log(out.join('\n'));
if (verbose) {
  console.log('\nper client:');
  for (const r of rows) console.log(`  ${r.family} | ${r.client}: ${r.found}/${r.labelled}`);
  console.log('\nunmatched findings:');
  for (const w of wrong) console.log(`  ${w.repo}/${w.path}:${w.line} ${w.ruleId}`);
  console.log('\nmissed:');
  for (const m of missed) console.log(`  ${m.family} ${m.repo}/${m.path}:${m.line} [${m.client}] ${String(m.what).slice(0, 140)}`);
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ cli, missing, rows, wrong, missed }, null, 1));
