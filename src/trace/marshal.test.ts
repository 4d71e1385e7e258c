import { describe, expect, it } from 'vitest';
import { unmarshal } from './marshal';
import { TraceFormatError } from './wire';

// Written by CPython: marshal.dumps([('a', 1, 1.5, None, True, False, 'xxx', 'é→', 2**40, -5, [], 'a')])
const SAMPLE = new Uint8Array([
  91, 1, 0, 0, 0, 41, 12, 218, 1, 97, 233, 1, 0, 0, 0, 231, 0, 0, 0, 0, 0, 0, 248, 63, 78, 84, 70,
  218, 3, 120, 120, 120, 245, 5, 0, 0, 0, 195, 169, 226, 134, 146, 236, 3, 0, 0, 0, 0, 0, 0, 0, 0, 4,
  233, 251, 255, 255, 255, 91, 0, 0, 0, 0, 114, 0, 0, 0, 0,
]);

describe('unmarshal', () => {
  it('reads what CPython wrote, back-references included', () => {
    expect(unmarshal(SAMPLE)).toEqual([['a', 1, 1.5, null, true, false, 'xxx', 'é→', 2 ** 40, -5, [], 'a']]);
  });

  it('refuses truncated data and unknown types', () => {
    expect(() => unmarshal(SAMPLE.subarray(0, 30))).toThrow(TraceFormatError);
    expect(() => unmarshal(new Uint8Array([0x7b, 0, 0, 0, 0]))).toThrow(/unexpected marshal type/);
  });
});
