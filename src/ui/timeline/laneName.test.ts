import { describe, expect, it } from 'vitest';
import { shortLaneName } from './laneName';

describe('shortLaneName', () => {
  it("keeps an executor worker's number and drops the middle of its name", () => {
    expect(shortLaneName('ThreadPoolExecutor-0_0')).toBe('ThreadPoo…-0_0');
    expect(shortLaneName('ThreadPoolExecutor-0_12')).toBe('ThreadPo…-0_12');
  });

  it('leaves short names, and names without a short numbered end, as they are', () => {
    expect(shortLaneName('Thread-1 (main)')).toBe('Thread-1 (main)');
    expect(shortLaneName('Thread-12 (consumer_loop)')).toBe('Thread-12 (consumer_loop)');
    expect(shortLaneName('a-very-long-thread-name-without-number')).toBe('a-very-long-thread-name-without-number');
  });
});
