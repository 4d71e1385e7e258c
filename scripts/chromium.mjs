// One way to start headless Chromium for the scripts that drive the app (benchmarks,
// screenshots): Debian's /usr/bin/chromium or CHROMIUM_PATH, else Playwright's own.
// The flags keep a root, GPU-less, offline machine quiet (see playwright.config.ts).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function launchChromium() {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}
