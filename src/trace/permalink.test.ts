import { describe, expect, it } from 'vitest';
import {
  bytesToBase64url, encodePermalink, encodeSource, LINK_VERSION, MAX_LINK_CHARS, MAX_SCENARIO_BYTES, readPermalink,
  type LinkReading, type Permalink,
} from './permalink';

const lesson: Permalink = {
  scenario: {
    program: 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("日本語 🐍 + & = #")\n\nasyncio.run(main())\n',
    seed: 7,
    network: { latency: 0.2, jitter: 0, rules: [{ match: 'https://api.example.com/', status: 500, body: { error: 'down' } }] },
    granularity: 'callback',
    speed: 8,
  },
  step: 37,
};

const errorOf = (reading: LinkReading) => (reading.kind === 'error' ? reading.message : `no error (${reading.kind})`);

async function deflate(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return bytesToBase64url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe('permalinks', () => {
  it('give back the scenario and step they were made from', async () => {
    const hash = `#${await encodePermalink(lesson)}`;
    expect(hash).toMatch(new RegExp(`^#v=${LINK_VERSION}&z=[A-Za-z0-9_-]+&step=37$`));
    expect(await readPermalink(hash)).toEqual({ kind: 'link', link: lesson, legacy: false });
    const atStart = { scenario: { program: '' }, step: null };
    expect(await readPermalink(`#${await encodePermalink(atStart)}`)).toEqual({ kind: 'link', link: atStart, legacy: false });
  });

  it('still read the plain #code= form, with a step if given', async () => {
    expect(await readPermalink(`#code=${encodeSource('print(1)')}&step=3`))
      .toEqual({ kind: 'link', link: { scenario: { program: 'print(1)' }, step: 3 }, legacy: true });
    expect(await readPermalink('')).toEqual({ kind: 'none' });
    expect(await readPermalink('#seed=2')).toEqual({ kind: 'none' });
  });

  it('say what is wrong with a damaged link', async () => {
    const good = await encodePermalink(lesson);
    const z = /z=([^&]+)/.exec(good)![1];
    expect(errorOf(await readPermalink(`#v=1&z=${z.slice(0, 40)}`))).toMatch(/does not decompress|cut short/);
    expect(errorOf(await readPermalink('#v=1&z=ab$cd'))).toMatch(/not valid base64url/);
    expect(errorOf(await readPermalink('#v=1&z=AAAAAAAAAAAAAAAA'))).toMatch(/damaged/);
    expect(errorOf(await readPermalink('#v=1'))).toMatch(/damaged/);
    expect(errorOf(await readPermalink('#code=%%%'))).toMatch(/not valid base64url/);
    expect(errorOf(await readPermalink(`#${good.replace('step=37', 'step=-2')}`))).toMatch(/step .* not a whole number/);
  });

  it('refuse other versions, naming them', async () => {
    const z = /z=([^&]+)/.exec(await encodePermalink(lesson))![1];
    expect(errorOf(await readPermalink(`#v=2&z=${z}`))).toContain('newer Loopscope (link version 2)');
    expect(errorOf(await readPermalink(`#v=x&z=${z}`))).toContain('version “x” is not one Loopscope knows');
  });

  it('refuse scenarios with wrong types, field by field', async () => {
    const cases: [unknown, RegExp][] = [
      [[1, 2], /not an object/],
      [{ seed: 1 }, /no program text/],
      [{ program: 'x', seed: 1.5 }, /seed/],
      [{ program: 'x', seed: '1' }, /seed/],
      [{ program: 'x', speed: -1 }, /speed/],
      [{ program: 'x', granularity: 3 }, /granularity/],
      [{ program: 'x', network: { latency: 'slow' } }, /latency/],
      [{ program: 'x', network: { rules: [{ status: 500 }] } }, /rule 1 has no URL/],
      [{ program: 'x', network: { rules: [{ match: 'a', error: 'boom' }] } }, /rule 1's error/],
      [{ program: 7 }, /no program text/],
    ];
    for (const [scenario, message] of cases) {
      const reading = await readPermalink(`#v=1&z=${await deflate(JSON.stringify(scenario))}`);
      expect(errorOf(reading)).toMatch(message);
    }
    expect(errorOf(await readPermalink(`#v=1&z=${await deflate('{"program": ')}`))).toMatch(/not readable/);
  });

  it('drop fields a scenario does not have', async () => {
    const reading = await readPermalink(`#v=1&z=${await deflate(JSON.stringify({ program: 'x', __proto__x: 1, html: '<b>' }))}`);
    expect(reading).toEqual({ kind: 'link', link: { scenario: { program: 'x' }, step: null }, legacy: false });
  });

  it('refuse huge links before decoding, and stop inflating at the size limit', async () => {
    expect(errorOf(await readPermalink(`#v=1&z=${'A'.repeat(MAX_LINK_CHARS)}`))).toMatch(/too long to open/);
    // 10 MB of one letter compresses to ~10 KB: a small link that would inflate hugely.
    const bomb = await deflate(JSON.stringify({ program: 'a'.repeat(10 * 1024 * 1024) }));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(errorOf(await readPermalink(`#v=1&z=${bomb}`))).toContain(`over ${MAX_SCENARIO_BYTES / 1024} KB`);
  });
});
