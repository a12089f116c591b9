// Loaded by the real extension host through VS Code's extensionTestsPath contract: run() resolves when every test
// passed (the host exits 0) and rejects otherwise (exit 1). Also writes a JSON result file when asked to.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  if (process.env.MQ_LENS_GREP) mocha.grep(process.env.MQ_LENS_GREP);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  const results = { passed: [] as string[], failed: [] as Array<{ title: string; error: string }> };
  const resultsFile = process.env.MQ_LENS_RESULTS_FILE;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.passed.push(test.fullTitle()));
    runner.on('fail', (test, error: unknown) => results.failed.push({ title: test.fullTitle(), error: String(error instanceof Error ? error.message : error) }));
  });
}
