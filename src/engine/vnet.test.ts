// Sockets, selectors and asyncio streams on the simulated network, the scenario's network
// rules, and the promise behind sharing a link: the same scenario gives the same trace.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSettings, TraceEvent } from '../trace/schema';
import { runAndCollect } from './collect';
import { createNodeEngine, type NodeEngine } from './node';

let engine: NodeEngine;
beforeAll(async () => { engine = await createNodeEngine(); });
const run = (source: string, options = {}, filename = 'main.py') => runAndCollect(engine, source, options, filename);
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
type IoEvent = Extract<TraceEvent, { kind: 'io' }>;
const ios = (events: TraceEvent[]) => events.filter((e): e is IoEvent => e.kind === 'io');

describe('socket + selectors (a hand-made event loop)', () => {
  it('overlaps non-blocking requests; blocking ones go one after another', () => {
    const r = run(fixture('net_selectors_crawler.py'));
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      ...[0, 1, 2, 3, 4].map((n) => `/item/${n} HTTP/1.0 200 OK True`), 'all five in under half a second: True']);
    expect(lines[6]).toMatch(/^one after another took more than 0\.\d s: True$/);
    expect(lines.slice(7)).toEqual(['local port 9: [Errno 111] Connection refused', '']);
  });

  it('records each connect and request as io, and each wait as blocked time', () => {
    const r = run(fixture('net_selectors_crawler.py'));
    const started = ios(r.events).filter((e) => e.phase === 'start');
    expect(started.filter((e) => e.what.startsWith('connect to shop.example.com:80'))).toHaveLength(5);
    const gets = started.filter((e) => e.what.startsWith('GET http://shop.example.com/item/'));
    expect(gets).toHaveLength(5);
    for (const get of gets) {
      const done = ios(r.events).find((e) => e.phase === 'done' && e.io === get.io);
      expect(done && done.t).toBeCloseTo(get.t + (get.dur ?? 0), 6);
    }
    const blocked = r.events.filter((e) => e.kind === 'blocked').map((e) => e.kind === 'blocked' && e.call);
    expect(blocked.some((c) => c && c.startsWith('selector.select(timeout=2) — waiting on 5 sockets'))).toBe(true);
    expect(blocked.filter((c) => c && c.startsWith("socket.connect(('shop.example.com', 80))"))).toHaveLength(5);
  });
});

describe('asyncio streams', () => {
  it('speaks HTTP over open_connection to simulated hosts, concurrently', () => {
    const r = run(fixture('net_http_streams.py'));
    expect(r.stdout).toBe("HTTP/1.1 200 OK application/json {'who': 'me'} True\n"
      + 'HTTP/1.1 200 OK text/html; charset=utf-8 True True\nboth within the slower one: True\n'
      + 'HTTP/1.1 503 Service Unavailable\n');
    const slow = ios(r.events).find((e) => e.phase === 'start' && e.what.startsWith('GET http://httpbin.org/delay/1?who=me'));
    expect(slow?.dur).toBeGreaterThan(1);
    expect(slow?.task).toMatch(/^Task-\d+$/);  // drawn on the lane of the task that sent it
    const connecting = r.events.find((e) => e.kind === 'suspend' && e.wait === 'io');
    expect(connecting && connecting.kind === 'suspend' && connecting.awaits).toMatch(/^connect to httpbin\.org:80 \(\d+ ms\)$/);
  });

  it('runs an echo server and its clients over the in-memory link, one io span per write', () => {
    const r = run(fixture('38_streams_echo_server.py'));
    expect(r.stdout).toContain('ann got ANN:TEA\nbob got BOB:COFFEE\nann got ANN:CAKE\n');
    const writes = ios(r.events).filter((e) => e.phase === 'start' && /^\d+ bytes to 127\.0\.0\.1:\d+$/.test(e.what));
    expect(writes).toHaveLength(6);  // three lines there, three back
    expect(writes.every((e) => e.dur === 0.001)).toBe(true);
  });
});

const RULES: NetworkSettings = {
  latency: 0.05, jitter: 0,
  rules: [
    { match: 'https://down.example.com/', error: 'refused' },
    { match: 'https://slow.example.com/*', error: 'timeout' },
    { match: 'https://api.example.com/broken', status: 500, body: { error: 'boom' } },
    { match: 'https://api.example.com/slow', latency: 3 },
  ],
};

describe('network rules from the scenario', () => {
  it('make aiohttp requests fail as the real client does, each after its own time', () => {
    const r = run(`import asyncio, aiohttp
async def one(session, url):
    try:
        async with session.get(url) as r:
            return r.status, await r.text()
    except Exception as e:
        return type(e).__name__, str(e), round(asyncio.get_running_loop().time(), 2)
async def main():
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as s:
        for row in await asyncio.gather(*(one(s, f"https://{u}") for u in
                ["down.example.com/x", "slow.example.com/x", "api.example.com/broken", "api.example.com/slow", "ok.example.com/api/v1"])):
            print(row)
asyncio.run(main())
`, { network: RULES });
    expect(r.stdout).toBe([
      "('ClientConnectorError', 'Cannot connect to host down.example.com:443 ssl:default [Connection refused]', 0.05)",
      "('ConnectionTimeoutError', 'Connection timeout to host https://slow.example.com/x', 2.0)",
      `(500, '{"error": "boom"}')`,
      "('TimeoutError', '', 2.0)",
      `(200, '{"url": "https://ok.example.com/api/v1", "args": {}, "ok": true}')`, ''].join('\n'));
  });

  it('make requests, raw sockets and open_connection fail too', () => {
    const r = run(`import asyncio, requests, socket
for url in ["https://down.example.com/", "https://slow.example.com/a"]:
    try:
        requests.get(url, timeout=1)
    except requests.exceptions.RequestException as e:
        print(type(e).__name__)
s = socket.socket()
s.settimeout(3)
try:
    s.connect(("slow.example.com", 443))
except TimeoutError as e:
    print("socket:", e)
async def main():
    try:
        await asyncio.open_connection("down.example.com", 443, ssl=True)
    except ConnectionRefusedError as e:
        print("stream:", e.errno)
asyncio.run(main())
`, { network: RULES });
    expect(r.stdout).toBe('ConnectionError\nConnectTimeout\nsocket: timed out\nstream: 111\n');
  });

  it('says which setting is wrong and runs with the defaults', () => {
    const r = run('print("ran")\n', { network: { rules: [{ match: 'x', error: 'gone' }] } as unknown as NetworkSettings });
    expect(r.stdout).toBe('ran\n');
    const warning = r.events.find((e) => e.kind === 'warning' && e.category === 'network');
    expect(warning && warning.kind === 'warning' && warning.message).toContain('network.rules[0].error must be one of timeout, refused');
  });
});

describe('the same scenario and seed give the same trace', () => {
  const strip = (events: TraceEvent[]) => JSON.stringify(events);
  it.each([
    ['a selectors crawler', fixture('net_selectors_crawler.py')],
    ['an aiohttp crawler with a failing host', `import asyncio, aiohttp, random
async def get(s, i):
    try:
        async with s.get(f"https://{random.choice(['a', 'b', 'down'])}.example.com/{i}") as r:
            return r.status
    except aiohttp.ClientError as e:
        return type(e).__name__
async def main():
    async with aiohttp.ClientSession() as s:
        print(await asyncio.gather(*(get(s, i) for i in range(20))))
asyncio.run(main())
`],
    ['a pure asyncio program', fixture('21_queue_join.py')],
  ])('%s', (_, source) => {
    const options = { seed: 7, network: RULES };
    const first = run(source, options);
    expect(first.summary.status).toBe('finished');
    expect(strip(run(source, options).events)).toBe(strip(first.events));
  });
});

describe('input()', () => {
  it('prints the prompt, raises EOFError as with an empty stdin, and says why', () => {
    const r = run('name = input("Your name: ")\n');
    expect(r.stdout).toBe('Your name: ');
    expect(r.stderr).toContain('EOFError: EOF when reading a line');
    const notice = r.events.find((e) => e.kind === 'warning' && e.category === 'input');
    expect(notice?.line).toBe(1);
  });
});

const SEEDS = fileURLToPath(new URL('../../../shared/seed-programs/', import.meta.url));

describe.skipIf(!existsSync(SEEDS))('the socket tutorials', () => {
  const seed = (name: string) => run(readFileSync(`${SEEDS}${name}.py`, 'utf8'), {}, `${name}.py`);

  it('s003_10: a hundred blocking requests, one after another', () => {
    const r = seed('s003_10_sync_socket_crawler');
    expect(r.summary.status).toBe('finished');
    expect(r.stdout).toMatch(/^(connected\ndone!!\n){100}Cost \d+\.\d+ seconds\n$/);
    expect(r.summary.virtualTime).toBeGreaterThan(15);
  });

  it('s003_11: the selectors loop finishes the hundred, then its idle select times out', () => {
    const r = seed('s003_11_selector_event_loop_crawler');
    expect(r.summary).toMatchObject({ status: 'raised', message: 'SelectTimeout: 轮询超时' });
    expect(ios(r.events).filter((e) => e.phase === 'start' && e.what.startsWith('GET http://www.baidu.com/s?wd='))).toHaveLength(100);
    expect(r.summary.virtualTime).toBeGreaterThan(5);
    expect(r.summary.virtualTime).toBeLessThan(5.5);
  });

  it('s002_12: the MEXC depth API answers in its own JSON shape', () => {
    const r = seed('s002_12_aiohttp_async_timeout_mexc');
    expect(r.summary.status).toBe('finished');
    expect(r.stdout.split('\n').filter((l) => /price:\{'\d+\.\d\d'\} amount:\{'\d\.\d+'\}$/.test(l))).toHaveLength(100);
  });

  it('s001_09: nothing listens on 127.0.0.1:8080, as on a machine without the server', () => {
    const r = seed('s001_09_socket_client');
    expect(r.stderr).toContain('ConnectionRefusedError: [Errno 111] Connection refused');
    expect(r.summary.exitCode).toBe(1);
  });
});
