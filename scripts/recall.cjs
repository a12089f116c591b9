// Measures MQ Lens against reviewers' labels of real public files (bench/recall/labels/*.jsonl): per format, detection
// recall, precision and F1, the share of the settings a reviewer listed that MQ Lens reads, and the share of the
// risks a reviewer would raise that it reports (in any profile, at any severity).
//
// The labels name files by repository, commit and path; no file from another project is committed. The files are
// read from bare git mirrors (one folder per repository, named owner+name, as the `fetch` tool leaves them), so the
// measurement needs those mirrors and runs by hand, never in CI:
//   node scripts/recall.cjs [--cli dist/cli.js] [--mirrors /work/.mirror] [--json out.json]
const fs = require('fs');
const path = require('path');
const cp = require('child_process');
const { commonOptions, materialize, readLabels } = require('./labelled-files.cjs');

const args = process.argv.slice(2);
const { root, cli, mirrors, jsonOut } = commonOptions(args);
const labelsDir = path.join(root, 'bench/recall/labels');

const labels = readLabels(labelsDir);

// Materialize the labelled files, at their commits, under one temporary tree per repository.
const { work, present, missing } = materialize(labels, mirrors, 'mq-lens-recall-');

function run(command, cwd, extra = []) {
  const spawn = (more) => cp.spawnSync(process.execPath, [cli, command, '--format', 'json', ...more, ...extra, '.'], { cwd, maxBuffer: 1 << 28, encoding: 'utf8' });
  let result = spawn(['--non-production', 'unchanged']);
  // Builds older than --non-production report every file as production code anyway.
  if (result.status === 2 && /non-production/.test(result.stderr)) result = spawn([]);
  try {
    return JSON.parse(result.stdout);
  } catch {
    return {};
  }
}

/** Key names compared loosely: case, separators and the Spring and container prefixes do not matter. */
const norm = (s) => String(s || '').toLowerCase().replace(/^(spring\.(kafka|rabbitmq)\.|kafka_cfg_|kafka_|celery_)/, '').replace(/[^a-z0-9]/g, '');
const rows = [];
const byRepo = new Map();
for (const label of present) {
  const list = byRepo.get(label.repo) || [];
  list.push(label);
  byRepo.set(label.repo, list);
}
for (const [repo, list] of byRepo) {
  const dir = path.join(work, repo.replace('/', '+'));
  const detections = run('detect', dir).detections || [];
  const settings = run('settings', dir).settings || [];
  // A risk counts as found when the check reports it under the general or the online profile.
  const findings = [...(run('check', dir).findings || []), ...(run('check', dir, ['--workload', 'online']).findings || [])];
  for (const label of list) {
    const mine = new Set(detections.filter((d) => d.file === label.path).map((d) => d.broker));
    const expected = new Set(label.brokers || []);
    const mySettings = settings.filter((s) => s.file === label.path);
    const settingHits = (label.settings || []).map((s) => {
      const names = [norm(s.key), norm(s.as_written)].filter(Boolean);
      return mySettings.some((m) => {
        const near = s.line && Math.abs(m.line - s.line) <= 1;
        const keyMatch = names.some((a) => [norm(m.key), norm(m.rawKey)].some((b) => b && (a === b || a.endsWith(b) || b.endsWith(a))));
        const alone = near && mySettings.filter((z) => Math.abs(z.line - s.line) <= 1).length === 1;
        return (near && keyMatch) || alone || (keyMatch && !s.line);
      });
    });
    const myFindings = findings.filter((f) => f.file === label.path);
    const riskHits = (label.risks || []).map((r) => myFindings.some((f) => (r.line && Math.abs(f.line - r.line) <= 2)
      || (r.key && norm(r.key).length > 3 && norm(f.message).includes(norm(r.key)))));
    rows.push({
      group: label.group, format: label.format, repo, path: label.path, role: label.role,
      tp: [...expected].filter((b) => mine.has(b)).length,
      fp: [...mine].filter((b) => !expected.has(b)),
      fn: [...expected].filter((b) => !mine.has(b)),
      settings: [settingHits.length, settingHits.filter(Boolean).length],
      risks: [riskHits.length, riskHits.filter(Boolean).length],
    });
  }
}
fs.rmSync(work, { recursive: true, force: true });

const totals = {};
const add = (key, row) => {
  const t = totals[key] || (totals[key] = { files: 0, repos: new Set(), tp: 0, fp: 0, fn: 0, settings: [0, 0], risks: [0, 0] });
  t.files++;
  t.repos.add(row.repo);
  t.tp += row.tp;
  t.fp += row.fp.length;
  t.fn += row.fn.length;
  t.settings[0] += row.settings[0];
  t.settings[1] += row.settings[1];
  t.risks[0] += row.risks[0];
  t.risks[1] += row.risks[1];
};
for (const row of rows) {
  add(row.format, row);
  add(`[${row.group}]`, row);
  add('all', row);
}
const pct = (part, whole) => (whole ? `${Math.round((100 * part) / whole)}%` : '-');
const table = ['| format | files | repos | detection recall | precision | F1 | settings read | risks found |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
for (const [key, t] of Object.entries(totals).sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)))) {
  const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1;
  const recall = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  table.push(`| ${key} | ${t.files} | ${t.repos.size} | ${pct(t.tp, t.tp + t.fn)} | ${pct(t.tp, t.tp + t.fp)} | ${f1.toFixed(3)} | ${t.settings[1]}/${t.settings[0]} (${pct(t.settings[1], t.settings[0])}) | ${t.risks[1]}/${t.risks[0]} (${pct(t.risks[1], t.risks[0])}) |`);
}
console.log(table.join('\n'));
if (missing.length > 0) console.log(`\n${missing.length} labelled file(s) not found in ${mirrors}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`);
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ cli, missing, rows }, null, 1));
