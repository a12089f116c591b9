// Every fact in knowledge/ says when it was last checked against its source (`checked: YYYY-MM`, beside `source`,
// `sources` or `references`). This test lists the facts checked more than a year ago: re-read the source, correct
// the fact if the world moved, and set `checked` to the month you did it. ARCHITECTURE.md lists the upstream releases
// to read.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ROOT } from './helpers';

interface Fact {
  file: string;
  where: string;
  checked: unknown;
}

/** The knowledge files: YAML, and the JSON lists of valid names (`keys/*-names.json`). */
function knowledgeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'schema' ? [] : knowledgeFiles(full);
    return /\.ya?ml$|-names\.json$/.test(entry.name) ? [full] : [];
  });
}

/** Every mapping in the file that cites a source, with its `checked` value. */
function facts(file: string): Fact[] {
  const found: Fact[] = [];
  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${where}[${index}]`));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if ('source' in record || 'sources' in record || 'references' in record) found.push({ file, where: where || '(top)', checked: record.checked });
      for (const [key, value] of Object.entries(record)) visit(value, where ? `${where}.${key}` : key);
    }
  };
  const text = fs.readFileSync(file, 'utf8');
  visit(file.endsWith('.json') ? JSON.parse(text) : parse(text), '');
  return found;
}

/** Months between a YYYY-MM stamp and today. */
function ageInMonths(stamp: string, today = new Date()): number {
  const [year, month] = stamp.split('-').map(Number) as [number, number];
  return (today.getUTCFullYear() - year) * 12 + (today.getUTCMonth() + 1 - month);
}

describe('knowledge freshness', () => {
  const all = knowledgeFiles(path.join(ROOT, 'knowledge')).flatMap(facts);

  it('finds the sourced facts', () => {
    assert.ok(all.length > 900, String(all.length));
  });

  it('stamps every sourced fact with the month it was checked', () => {
    const unstamped = all.filter((f) => typeof f.checked !== 'string' || !/^20\d\d-(0[1-9]|1[0-2])$/.test(f.checked));
    assert.deepEqual(unstamped.map((f) => `${path.relative(ROOT, f.file)} ${f.where}`), []);
  });

  it('has no stamp from the future', () => {
    const future = all.filter((f) => typeof f.checked === 'string' && ageInMonths(f.checked) < 0);
    assert.deepEqual(future.map((f) => `${path.relative(ROOT, f.file)} ${f.where} (checked ${String(f.checked)})`), []);
  });

  it('lists no fact checked more than a year ago', () => {
    const stale = all.filter((f) => typeof f.checked === 'string' && ageInMonths(f.checked) > 12);
    assert.deepEqual(stale.map((f) => `${path.relative(ROOT, f.file)} ${f.where} (checked ${String(f.checked)})`), []);
  });

  it('counts a year in months, so the list above can fail', () => {
    assert.equal(ageInMonths('2025-11', new Date(Date.UTC(2026, 11, 7))), 13);
    assert.equal(ageInMonths('2026-12', new Date(Date.UTC(2026, 11, 7))), 0);
  });
});
