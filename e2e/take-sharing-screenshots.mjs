#!/usr/bin/env node
// Screenshots of sharing, to look at: the Share popover, an embed at 800×450, and the
// message a damaged link gives. Point it at a served build:
//
//   node e2e/take-sharing-screenshots.mjs [http://127.0.0.1:4173/] [OUT-DIR]
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../scripts/chromium.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const out = process.argv[3] ?? new URL('../scratch/screenshots/', import.meta.url).pathname;
const bin = new URL('../bin/loopscope.mjs', import.meta.url).pathname;
const fixture = new URL('./fixtures/gather3.py', import.meta.url).pathname;
const link = (...args) => execFileSync(process.execPath, [bin, 'link', fixture, '--base', url, ...args], { encoding: 'utf8' }).trim();

mkdirSync(out, { recursive: true });
const browser = await launchChromium();
const shot = async (page, name) => {
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`${out}/${name}.png`);
};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(link('--step', '40'));
  await page.getByTestId('step-count').filter({ hasText: 'step 40 /' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('share').click();
  await shot(page, 'share-popover-1280x800');

  const embed = await browser.newPage({ viewport: { width: 800, height: 450 } });
  const hash = link('--step', '30').split('#')[1];
  await embed.goto(`${url}?embed=1&start=20&end=60#${hash}`);
  await embed.getByTestId('step-count').filter({ hasText: 'step 30 /' }).waitFor({ timeout: 60_000 });
  await shot(embed, 'embed-800x450');
  await embed.goto(`${url}?embed=1&editor=0#${hash}`);
  await embed.getByTestId('step-count').filter({ hasText: 'step 30 /' }).waitFor({ timeout: 60_000 });
  await shot(embed, 'embed-no-editor-800x450');

  const bad = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await bad.goto(`${url}#${hash.slice(0, 40)}`);
  await bad.getByTestId('link-notice').waitFor();
  await shot(bad, 'bad-link-1280x800');
} finally {
  await browser.close();
}
