// The `loopscope` command as a teacher uses it from a terminal: real processes, real exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './args';

const BIN = new URL('../../bin/loopscope.mjs', import.meta.url).pathname;
const loopscope = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });

describe('parseCommandLine', () => {
  it('reads run options', () => {
    expect(parseCommandLine(['run', 'x.py', '--max-events', '500', '--seed', '3', '--trace', 'o.json', '--network', 'n.json']))
      .toMatchObject({ command: 'run', file: 'x.py', tracePath: 'o.json', networkPath: 'n.json', options: { maxEvents: 500, seed: 3 } });
  });

  it('refuses bad numbers and missing files with a message', () => {
    expect(parseCommandLine(['run', 'x.py', '--max-time', 'soon'])).toMatchObject({ command: 'error' });
    expect(parseCommandLine(['run', 'x.py', '--interrupt-at', '-1'])).toMatchObject({ command: 'error' });
    expect(parseCommandLine(['run'])).toEqual({ command: 'error', message: 'run needs a FILE.py (or - for standard input)' });
  });
});

describe('loopscope run', () => {
  it('prints the program\'s output, writes the trace and exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopscope-'));
    const file = join(dir, 'hello.py');
    writeFileSync(file, 'import asyncio\nasync def main():\n    await asyncio.sleep(5)\n    print("after 5 s")\nasyncio.run(main())\n');
    const r = loopscope(['run', file, '--trace', join(dir, 'trace.json')]);
    expect(r.stdout).toBe('after 5 s\n');
    expect(r.status).toBe(0);
    const trace = JSON.parse(readFileSync(join(dir, 'trace.json'), 'utf8'));
    expect(trace.version).toBe(1);
    expect(trace.events.some((e: { kind: string }) => e.kind === 'clock')).toBe(true);
  });

  it('presses Ctrl+C at --interrupt-at: an uncaught KeyboardInterrupt exits 1 with its traceback', () => {
    const r = loopscope(['run', '-', '--interrupt-at', '2.5'],
      'import time\nwhile True:\n    time.sleep(1)\n    print(round(time.monotonic()))\n');
    expect(r.stdout).toBe('1\n2\n');
    expect(r.stderr).toMatch(/line 3, in <module>[\s\S]*KeyboardInterrupt\n$/);
    expect(r.status).toBe(1);
  });

  it('reads standard input and exits 3 with a message on deadlock', () => {
    const r = loopscope(['run', '-'], 'import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n');
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('Task-1 waits on Event.wait (not set) (line 3)');
  });

  it('exits 1 with the traceback on stderr when the program raises', () => {
    const r = loopscope(['run', '-'], 'print("before")\nraise KeyError("k")\n');
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toContain('File "<stdin>", line 2, in <module>');
    expect(r.status).toBe(1);
  });

  it('takes the network settings from --network FILE.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopscope-'));
    const rules = join(dir, 'net.json');
    writeFileSync(rules, JSON.stringify({ rules: [{ match: 'https://api.example.com/', status: 500, body: { error: 'down' } }] }));
    const r = loopscope(['run', '-', '--network', rules],
      'import requests\nr = requests.get("https://api.example.com/x")\nprint(r.status_code, r.json())\n');
    expect(r.stdout).toBe("500 {'error': 'down'}\n");
    writeFileSync(rules, '[1, 2]');
    const bad = loopscope(['run', '-', '--network', rules], 'print(1)\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('the network settings must be a JSON object');
  });

  it('exits 2 for an unreadable file', () => {
    const r = loopscope(['run', '/nonexistent/x.py']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot read /nonexistent/x.py');
  });
});
