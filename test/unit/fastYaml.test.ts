// The fast YAML scanner must agree exactly with the yaml library wherever it answers, and answer for the plain block
// YAML that configuration files are made of (otherwise it would be a slow path in disguise).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fastFlattenYaml } from '../../src/core/extract/fastYaml';
import { libraryFlattenYaml } from '../../src/core/extract/yamlTree';
import { ROOT } from './helpers';

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

const comparable = (tree: ReturnType<typeof libraryFlattenYaml>) => ({
  documents: tree.documents,
  entries: tree.entries.map(({ path: p, keySpan, valueSpan, value, style, document }) => ({ path: p, keySpan, valueSpan, value, style, document })),
});

describe('fast YAML scanner', () => {
  const files = [...yamlFiles(path.join(ROOT, 'test/fixtures')), ...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'knowledge'))];

  it('agrees with the yaml library on every YAML file in the repository it reads', () => {
    assert.ok(files.length >= 60, `only ${files.length} files`);
    let answered = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const fast = fastFlattenYaml(text);
      if (!fast) continue;
      answered++;
      const library = libraryFlattenYaml(text);
      if (library.errors.length > 0) continue;
      assert.deepEqual(comparable(fast), comparable(library), path.relative(ROOT, file));
    }
    // The knowledge files use flow mappings ({ key: …, op: … }) that configuration files rarely do; coverage is
    // measured on the configuration fixtures and examples.
    const config = files.filter((f) => !f.startsWith(path.join(ROOT, 'knowledge')));
    const fastConfig = config.filter((f) => fastFlattenYaml(fs.readFileSync(f, 'utf8')) !== undefined).length;
    assert.ok(answered > 0 && fastConfig >= config.length * 0.9, `the fast path answered for only ${fastConfig} of ${config.length} configuration files`);
  });

  it('answers for the configuration fixtures (Spring, compose, Kubernetes)', () => {
    const config = files.filter((f) => /(application|compose|kafka|topic|policy|queue|strimzi|rabbit)[^/]*\.ya?ml$/i.test(path.basename(f)) && f.includes('fixtures'));
    const declined = config.filter((f) => !fastFlattenYaml(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    assert.ok(declined.length <= config.length * 0.2, `declined: ${declined.join(', ')}`);
  });

  it('agrees on the awkward corners it handles, and declines the ones it does not', () => {
    const handled = [
      'a: 1\nb: "x # y" # c\nc: \'it\'\'s\'\nd:\n  - one\n  - "two"\n  - k: v\n    j: w\ne: [a, "b", 3]\nf: ~\ng: -7\n',
      'services:\n  web:\n    environment:\n    - A=1\n    - B=2\n  db:\n    image: postgres\n',
      'key: |\n  line one\n\n  line two\nafter: x\n',
      'strip: |-\n  text\nnext: 1\n',
      '# only a comment\n---\na: 1\n---\nb: 2\n...\n',
      'a:\r\n  b: 1\r\n',
      '"[linger.ms]": 100\n\'q\': "a\\tb"\n',
      'empty:\nother: 1\n',
    ];
    for (const text of handled) {
      const fast = fastFlattenYaml(text);
      assert.ok(fast, `declined: ${JSON.stringify(text)}`);
      assert.deepEqual(comparable(fast), comparable(libraryFlattenYaml(text)), JSON.stringify(text));
    }
    const declined = ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '? complex\n: key\n', 'a: "multi\n  line"\n', 'a: plain\n  continued\n', 'a: {b: 1}\n', 'a:\n\tb: 1\n', 'x: >\n  folded\n', 'n: 0x1F\n', 'f: 1.5\n'];
    for (const text of declined) assert.equal(fastFlattenYaml(text), undefined, JSON.stringify(text));
  });
});
