// Why a link could not be opened: the trace layer's English, worded in the reader's language.
import { describe, expect, it } from 'vitest';
import { linkReason, phrase } from '../model';
import { readPermalink } from '../trace/permalink';
import { sayIn } from '.';

describe('link reasons', () => {
  it.each([
    ['The link is too long to open (90000 characters; the limit is 65536).', '链接太长，无法打开（90000 个字符；上限是 65536）。'],
    ["The link's step “abc” is not a whole number.", '链接里的步骤“abc”不是整数。'],
    ['This link was made by a newer Loopscope (link version 9); this one reads version 1.', '这个链接由更新版本的 Loopscope 生成（链接版本 9）；当前版本只能读取版本 1。'],
    ['The link is damaged: its scenario is not readable.', '链接已损坏：无法读取其中的场景。'],
  ])('%s', (english, chinese) => {
    expect(sayIn('en', linkReason(english))).toBe(english);
    expect(sayIn('zh-CN', linkReason(english))).toBe(chinese);
  });

  it('reads what permalink.ts really says about a damaged link', async () => {
    const reading = await readPermalink('#v=1&z=not-deflate');
    if (reading.kind !== 'error') throw new Error('the link should not open');
    const notice = phrase('notice.linkError', { reason: linkReason(reading.message) });
    expect(sayIn('en', notice)).toBe(`${reading.message} The editor keeps the program it had.`);
    expect(sayIn('zh-CN', notice)).toMatch(/^链接已损坏：.*编辑器里的程序保持不变。$/);
  });

  it('leaves a message of another shape as it is', () => {
    expect(linkReason('Something else went wrong.')).toBe('Something else went wrong.');
  });
});
