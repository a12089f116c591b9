// Runs the same integration suite in desktop VS Code through @vscode/test-electron. It needs a VS Code it can start:
// MQ_LENS_VSCODE_EXECUTABLE names one; without it, test-electron downloads one, which only works with internet access.
// usage: node out/test/harness/runElectronTests.js --folder DIR
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { folder: { type: 'string' } } });
  if (!values.folder) throw new Error('--folder is required');
  const root = path.resolve(__dirname, '../../..');
  const executable = process.env.MQ_LENS_VSCODE_EXECUTABLE;
  return runTests({
    ...(executable ? { vscodeExecutablePath: executable } : {}),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
    launchArgs: [path.resolve(values.folder), '--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
    extensionTestsEnv: { MQ_LENS_RESULTS_FILE: process.env.MQ_LENS_RESULTS_FILE ?? '' },
  });
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
