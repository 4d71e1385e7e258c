// A teacher shares a gallery example at a late step, with the speed and granularity
// they chose: the link must stay short enough to paste into a chat (issue #8: under
// 1,500 characters for a typical tutorial program; ours are the gallery's programs).
import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, permalinkUrl, readPermalink } from '../trace/permalink';
import { EXAMPLES } from '.';

describe('gallery permalinks', () => {
  for (const example of EXAMPLES) {
    it(`${example.id} shares in under 1,500 characters and reads back`, async () => {
      const link = { step: 12_345, scenario: { program: example.source, seed: 7, granularity: 'callback', speed: 4 } };
      const url = await permalinkUrl(DEFAULT_BASE_URL, link);
      expect(url.length).toBeLessThan(1500);
      expect(await readPermalink(new URL(url).hash)).toEqual({ kind: 'link', legacy: false, link });
    });
  }
});
