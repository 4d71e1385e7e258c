#!/usr/bin/env node
// Runs the Playwright suite after checking that a Chromium exists: Debian's
// /usr/bin/chromium (or $CHROMIUM_PATH), else the one Playwright would download.
// Arguments pass through to `playwright test`; so does the exit code.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function findBrowser() {
  const candidates = [process.env.CHROMIUM_PATH, SYSTEM_CHROMIUM, chromium.executablePath()];
  return candidates.find((file) => file !== undefined && file !== '' && existsSync(file));
}

const browser = findBrowser();
if (browser === undefined) {
  console.error(
    [
      'e2e: no Chromium found.',
      `  Looked for $CHROMIUM_PATH, ${SYSTEM_CHROMIUM} and ${chromium.executablePath()}.`,
      '  Install one:  apt-get install -y chromium   (Debian)',
      '           or:  npx playwright install chromium   (needs internet)',
    ].join('\n'),
  );
  process.exit(2);
}
console.log(`e2e: using ${browser}`);

// playwright.config.ts reads CHROMIUM_PATH; Playwright's own browser needs no path.
const env = { ...process.env };
if (browser === chromium.executablePath()) delete env.CHROMIUM_PATH;
else env.CHROMIUM_PATH = browser;

const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`e2e: could not start Playwright: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
