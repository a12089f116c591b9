// UI checks in the real workbench (code-server + Debian Chromium): what a user sees in the Problems panel, the hover
// and the quick-fix menu. Screenshots go to $MQ_LENS_SHOTS (test-results/ by default); look at them.
// usage: node out/test/ui/workbench.ui.js --url URL --folder DIR [--results FILE]
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../harness/browser';
import { hoverToken, openFile, UiRun } from './uiHarness';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, folder: { type: 'string' }, results: { type: 'string' } } });
  if (!values.url || !values.folder) throw new Error('--url and --folder are required');
  const shots = process.env.MQ_LENS_SHOTS ?? path.resolve(__dirname, '../../../test-results');
  const context = await launchBrowser();
  const page = context.pages()[0] ?? (await context.newPage());
  const run = new UiRun(page, shots);
  try {
    await page.goto(`${values.url}/?folder=${encodeURIComponent(path.resolve(values.folder))}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'producer.properties' }).first().waitFor({ timeout: 60000 });

    await run.check('the Problems panel shows the linger.ms warning with its rule', async () => {
      await openFile(page, 'producer.properties', 'linger.ms');
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Producer linger.ms is 100' });
      await row.first().waitFor({ timeout: 30000 });
      const text = (await row.first().innerText()).replace(/\s+/g, ' ');
      if (!text.includes('kafka-linger-latency')) throw new Error(`the row does not name the rule: ${text}`);
      await run.shot('01-problems-panel');
    });

    await run.check('hovering linger.ms shows the note with defaults by version and the verdict', async () => {
      await page.keyboard.press('Escape');
      await hoverToken(page, /^linger\.ms$/, 'How long the producer holds a partly filled batch');
      const hover = page.locator('.monaco-hover', { hasText: 'partly filled batch' }).first();
      const text = await hover.innerText();
      for (const expected of ['< 4.0', '>= 4.0', 'under the online profile', 'kafka-linger-latency']) {
        if (!text.includes(expected)) throw new Error(`hover lacks "${expected}": ${text}`);
      }
      await run.shot('02-hover-linger');
    });

    await run.check('the quick fix sets linger.ms to 5 and the warning goes away', async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      const line = page.locator('.editor-instance .view-line', { hasText: 'linger.ms=100' }).first();
      const box = await line.boundingBox();
      if (!box) throw new Error('the linger.ms line is not on screen');
      await page.mouse.click(box.x + 40, box.y + box.height / 2);
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Set linger.ms to 5' }).first();
      await item.waitFor({ timeout: 15000 });
      await run.shot('03-quick-fix-menu');
      await item.click();
      await page.locator('.editor-instance .view-lines', { hasText: 'linger.ms=5' }).first().waitFor({ timeout: 15000 });
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'Producer linger.ms is 100' }).waitFor({ state: 'detached', timeout: 15000 });
      await run.shot('04-after-quick-fix');
    });
  } finally {
    await context.close().catch(() => undefined);
  }
  run.write(values.results);
  return run.results.failed.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(2);
});
