// `loopscope link` as a teacher uses it for a lesson: real processes, links the app reads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPermalink } from '../trace/permalink';
import { parseCommandLine } from './args';

const BIN = new URL('../../bin/loopscope.mjs', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const loopscope = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });

describe('parseCommandLine for link', () => {
  it('reads the step, seed and base', () => {
    expect(parseCommandLine(['link', 'x.py', '--step', '5', '--seed', '2', '--base', 'https://example.org/loopscope/']))
      .toEqual({ command: 'link', file: 'x.py', step: 5, seed: 2, networkPath: null, base: 'https://example.org/loopscope/' });
    expect(parseCommandLine(['link', 'x.py'])).toMatchObject({ step: null, seed: null, base: 'http://127.0.0.1:5173/' });
  });

  it('refuses a step that is not a whole number and a base that is not a URL', () => {
    expect(parseCommandLine(['link', 'x.py', '--step', '2.5'])).toMatchObject({ command: 'error', message: expect.stringContaining('--step') });
    expect(parseCommandLine(['link', 'x.py', '--base', 'not a url'])).toMatchObject({ command: 'error', message: expect.stringContaining('--base') });
  });
});

describe('loopscope link', () => {
  it('prints a link that reads back as the program, seed, network and step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopscope-'));
    const network = join(dir, 'net.json');
    writeFileSync(network, JSON.stringify({ latency: 0.5, rules: [{ match: 'https://api.example.com/', status: 503 }] }));
    const program = readFileSync(join(FIXTURES, 'timeout_cancel.py'), 'utf8');
    const r = loopscope(['link', '-', '--step', '5', '--seed', '11', '--network', network], program);
    expect(r.status).toBe(0);
    const url = r.stdout.trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:5173\/#v=1&z=[\w-]+&step=5$/);
    expect(await readPermalink(new URL(url).hash)).toEqual({
      kind: 'link', legacy: false,
      link: { step: 5, scenario: { program, seed: 11, network: { latency: 0.5, rules: [{ match: 'https://api.example.com/', status: 503 }] } } },
    });
  });

  it('exits 2 with a message for an unreadable file or network settings the app would refuse', () => {
    expect(loopscope(['link', '/nonexistent/x.py'])).toMatchObject({ status: 2, stderr: expect.stringContaining('cannot read /nonexistent/x.py') });
    const dir = mkdtempSync(join(tmpdir(), 'loopscope-'));
    writeFileSync(join(dir, 'net.json'), '{"latency": "slow"}');
    const bad = loopscope(['link', '-', '--network', join(dir, 'net.json')], 'print(1)\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('latency is not a number of seconds');
  });

  it('keeps the links of 30-line tutorial programs under 1,500 characters', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.py'));
    expect(files).toHaveLength(5);
    for (const file of files) {
      const url = loopscope(['link', join(FIXTURES, file), '--step', '120']).stdout.trim();
      expect(url, file).toMatch(/^http:\/\/127\.0\.0\.1:5173\/#v=1&z=/);
      expect(url.length, file).toBeLessThan(1500);
    }
  });
});
