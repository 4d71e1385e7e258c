// The simulated network as the tutorials use it: aiohttp requests overlap in virtual
// time, requests.get freezes the loop, and every run of a scenario is the same.
import { beforeAll, describe, expect, it } from 'vitest';
import { runAndCollect } from './collect';
import { createNodeEngine, type NodeEngine } from './node';

let engine: NodeEngine;
beforeAll(async () => { engine = await createNodeEngine(); });
const run = (source: string, options = {}) => runAndCollect(engine, source, options);

const AIOHTTP = `import asyncio, time, aiohttp

async def fetch(session, i):
    async with session.get(f"https://httpbin.org/delay/1?page={i}") as response:
        data = await response.json()
        return response.status, data["args"]["page"]

async def main():
    started = time.monotonic()
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch(session, i) for i in range(10)))
    print(results[:2], len(results))
    print("took", round(time.monotonic() - started, 1), "s")

asyncio.run(main())
`;

describe('aiohttp on the simulated network', () => {
  it('overlaps ten one-second requests into about one second', () => {
    const r = run(AIOHTTP);
    expect(r.stdout).toBe("[(200, '0'), (200, '1')] 10\ntook 1.2 s\n");
    const io = r.events.filter((e) => e.kind === 'io');
    expect(io.filter((e) => e.kind === 'io' && e.phase === 'start')).toHaveLength(10);
    const waiting = r.events.find((e) => e.kind === 'suspend' && e.wait === 'io');
    expect(waiting && waiting.kind === 'suspend' && waiting.awaits).toMatch(/^GET https:\/\/httpbin\.org\/delay\/1\?page=0 \(1\d{3} ms\)$/);
  });

  it('replays the same latencies for the same seed, and others for another', () => {
    expect(run(AIOHTTP).events.map((e) => e.t)).toEqual(run(AIOHTTP).events.map((e) => e.t));
    const times = (seed: number) => run(AIOHTTP, { seed }).events.filter((e) => e.kind === 'io').map((e) => e.t);
    expect(times(2)).not.toEqual(times(1));
  });
});

describe('requests on the simulated network', () => {
  it('blocks the loop for each request, so "concurrent" tasks run one after another', () => {
    const r = run(`import asyncio, requests, time
async def get(i):
    r = requests.get("https://example.com/page")
    print(i, r.status_code, r.text.startswith("<!DOCTYPE html>"))
async def main():
    t0 = time.monotonic()
    await asyncio.gather(get(1), get(2), get(3))
    print(time.monotonic() - t0 > 0.3)
asyncio.run(main())
`);
    expect(r.stdout).toBe('1 200 True\n2 200 True\n3 200 True\nTrue\n');
    const blocked = r.events.filter((e) => e.kind === 'blocked');
    expect(blocked.map((e) => e.kind === 'blocked' && e.call.split(' — ')[0])).toEqual(
      Array(3).fill("requests.get('https://example.com/page')"));
  });
});

describe('async_timeout', () => {
  it('runs the old synchronous `with` with a legacy notice, and times out', () => {
    const r = run(`import asyncio, async_timeout
async def main():
    try:
        with async_timeout.timeout(1):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
asyncio.run(main())
`);
    expect(r.stdout).toBe('timed out at 1.0\n');
    expect(r.events.some((e) => e.kind === 'warning' && e.legacy && e.line === 4)).toBe(true);
  });
});

describe('the generated top-250 site and lxml', () => {
  it('serves 25 films a page with ?start= pagination that XPath and regexes find', () => {
    const r = run(`import re, requests
from lxml import etree
page = requests.get("https://movie.douban.com/top250?start=25").text
html = etree.HTML(page)
films = html.xpath('//*[@id="content"]/div/div[1]/ol/li')
print(len(films), films[0].find('.//span[@class="title"]').text)
links = [a.get("href") for a in html.xpath('//*[@id="content"]/div/div[1]/div[2]/a')]
print(len(links), links[0])
print(html.xpath('//span[@class="title"]/text()')[-1])
print(len(re.findall(r'<span class="title">(.*)</span>', page)))
`);
    expect(r.stdout).toBe('25 The Distant Garden\n9 ?start=0&filter=\nThe Silent Summer\n25\n');
  });
});
