import { describe, expect, it } from 'vitest';
import { decodeSource, encodeSource, sourceFromHash } from './permalink';

describe('#code= links', () => {
  it('encode as base64url without padding', () => {
    // "ab?" is "YWI/" in standard base64; "a" is "YQ==".
    expect(encodeSource('ab?')).toBe('YWI_');
    expect(encodeSource('a')).toBe('YQ');
    expect(encodeSource('é>')).toBe('w6k-');
  });

  it('decode what they encode, whatever the text', () => {
    for (const text of ['', 'import asyncio\n', 'print("日本語 🐍")\n\tx = 1 >> 2\n']) {
      expect(decodeSource(encodeSource(text))).toBe(text);
    }
  });

  it('refuse what is not base64url UTF-8', () => {
    expect(decodeSource('YWI/')).toBeNull();
    expect(decodeSource('Y')).toBeNull();
    expect(decodeSource('_w')).toBeNull();
  });

  it('read the code among other fragment keys', () => {
    expect(sourceFromHash(`#seed=3&code=${encodeSource('x = 1')}&step=4`)).toBe('x = 1');
    expect(sourceFromHash('#step=4')).toBeNull();
  });
});
