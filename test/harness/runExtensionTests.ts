// Runs a mocha suite inside the real (Node) extension host of a running code-server, through VS Code's own
// web integration-test contract: the workbench URL carries a `payload` with extensionDevelopmentPath and
// extensionTestsPath, and the page reports back through window.codeAutomationLog / window.codeAutomationExit.
// code-server must run with `--vscode-option enable-smoke-test-driver`, or the payload is ignored.
//
// usage: node out/test/harness/runExtensionTests.js --url URL --ext DIR --tests FILE --folder DIR
//        [--env JSON] [--timeout SECONDS]
// Exit code: the extension host's (0 = all passed), 124 on timeout, 2 when the harness itself failed.
import * as path from 'node:path';
import { parseArgs, format } from 'node:util';
import { launchBrowser } from './browser';

const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|getaddrinfo ENOTFOUND|Canceled: Canceled)/;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' }, ext: { type: 'string' }, tests: { type: 'string' }, folder: { type: 'string' },
      env: { type: 'string', default: '{}' }, timeout: { type: 'string', default: '300' },
    },
  });
  if (!values.url || !values.ext || !values.tests || !values.folder) throw new Error('--url, --ext, --tests and --folder are required');
  const base = values.url;
  const folder = path.resolve(values.folder);
  // The workbench addresses server files as vscode-remote://<authority><path>; the authority is in the served HTML.
  const html = await (await fetch(`${base}/?folder=${encodeURIComponent(folder)}`)).text();
  const authority = /&quot;remoteAuthority&quot;:&quot;([^&]*)&quot;/.exec(html)?.[1] ?? new URL(base).host;
  const remote = (p: string) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [
    ['extensionDevelopmentPath', remote(values.ext)],
    ['extensionTestsPath', remote(values.tests)],
    ['extensionEnvironment', values.env],
    ['skipWelcome', 'true'],
  ];
  const url = `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const context = await launchBrowser();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error('[pageerror]', error.message));
    let finish: (code: number) => void = () => undefined;
    const done = new Promise<number>((resolve) => (finish = resolve));
    // Both must exist before navigation, or the workbench never sees them.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...(args ?? []));
      if (process.env.VERBOSE || !NOISE.test(line)) (type === 'error' ? console.error : console.log)(line);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    const timer = setTimeout(() => {
      console.error(`TIMEOUT: the extension tests did not finish in ${values.timeout} s`);
      finish(124);
    }, Number(values.timeout) * 1000);
    await page.goto(url);
    const code = await done;
    clearTimeout(timer);
    console.log(`extension host exited with code ${code}`);
    return code;
  } finally {
    await context.close().catch(() => undefined);
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(2);
});
