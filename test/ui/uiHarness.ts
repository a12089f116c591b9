// A small sequential runner for UI checks against the real workbench: each check is named, timed and screenshotted
// on failure; the summary goes to stdout and to a JSON file that `npm test` counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

export interface UiResults {
  passed: string[];
  failed: Array<{ title: string; error: string }>;
}

export class UiRun {
  readonly results: UiResults = { passed: [], failed: [] };

  constructor(private readonly page: Page, readonly shots: string) {
    fs.mkdirSync(shots, { recursive: true });
  }

  async check(title: string, body: () => Promise<void>): Promise<boolean> {
    const started = Date.now();
    try {
      await body();
      this.results.passed.push(title);
      console.log(`  ✓ ${title} (${Date.now() - started} ms)`);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.results.failed.push({ title, error: message });
      console.log(`  ✗ ${title}\n    ${message.split('\n').join('\n    ')}`);
      await this.shot(`FAILED-${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
      return false;
    }
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(this.shots, `${name}.png`) }).catch(() => undefined);
  }

  write(file: string | undefined): void {
    if (file) fs.writeFileSync(file, JSON.stringify(this.results, null, 2));
    console.log(`${this.results.passed.length} passing, ${this.results.failed.length} failing (UI)`);
  }
}

/** Opens a workspace file through Quick Open, which is steadier than clicking the explorer tree. */
export async function openFile(page: Page, relativePath: string, expectedText: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relativePath) }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .view-lines', { hasText: expectedText }).first().waitFor({ timeout: 30000 });
}

/** Moves the mouse onto the first editor token that matches and waits for a hover containing `text`. */
export async function hoverToken(page: Page, token: RegExp, text: string): Promise<void> {
  const span = page.locator('.editor-instance .view-line span span', { hasText: token }).first();
  const box = await span.boundingBox();
  if (!box) throw new Error(`token ${token} is not on screen`);
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.locator('.monaco-hover', { hasText: text }).first().waitFor({ state: 'visible', timeout: 15000 });
}

/** Hovers a word wherever it is rendered in the visible editor, whatever the tokenization, and waits for `text`. */
export async function hoverWord(page: Page, word: string, text: string): Promise<void> {
  // Runs in the page (a string, so the DOM's types stay out of this Node program).
  const box = await page.evaluate<{ x: number; y: number; width: number; height: number } | undefined>(`(() => {
    const needle = ${JSON.stringify(word)};
    for (const line of document.querySelectorAll('.editor-instance .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent || '').indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      }
    }
    return undefined;
  })()`);
  if (!box) throw new Error(`"${word}" is not on screen`);
  await page.mouse.move(box.x + box.width / 2 - 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.monaco-hover', { hasText: text }).first().waitFor({ state: 'visible', timeout: 15000 });
}

/** Runs a command by its title through the command palette. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // Click the row itself: Enter would run whichever row the palette highlights first.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 15000 });
  await row.click();
}
