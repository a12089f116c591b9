// Launches Debian's Chromium through playwright-core (never `playwright install`), with a fresh profile per run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  width?: number;
  height?: number;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserContext> {
  // Playwright refuses --user-data-dir in args, so the profile goes through launchPersistentContext.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mq-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'dark',
    // Keeps Chromium's crash reports and caches out of the home folder.
    env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const close = context.close.bind(context);
  context.close = async () => {
    try {
      await close();
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
  };
  return context;
}
