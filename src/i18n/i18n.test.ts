import { describe, expect, it } from 'vitest';
import { phrase } from '../model';
import { en } from './en';
import { localeFromBrowser, sayIn, translate } from '.';
import { zhCN } from './zh-CN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('zh-CN uses the same placeholders as English for every key', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, placeholders(zhCN[key])]).toEqual([key, placeholders(en[key])]);
    }
  });

  it('zh-CN is Chinese wherever English has words', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (/[a-z]{3}/.test(en[key].replace(/\{\w+\}/g, '')) && en[key] !== zhCN[key]) continue;
      // Identical entries are only symbols and code (e.g. '⚠ {status}').
      expect([key, /[a-z]{3}/i.test(zhCN[key].replace(/\{\w+\}|asyncio|Home|End|Shift|Ctrl|Enter|Esc/g, ''))]).toEqual([key, false]);
    }
  });
});

describe('translate', () => {
  it('fills parameters, nested phrases included', () => {
    const tail = phrase('narrate.queueMany', { n: 2 });
    const sentence = phrase('narrate.callback', { label: 'Task-2.step', tail });
    expect(sayIn('en', sentence)).toBe('The loop takes the next handle from the ready queue and runs it: “Task-2.step”; 2 more handles wait in the ready queue.');
    expect(sayIn('zh-CN', sentence)).toBe('事件循环从就绪队列取出下一个回调并运行它：“Task-2.step”；就绪队列里还有 2 个回调在等。');
    expect(translate('zh-CN', 'controls.stepCount', { n: 3, total: 10 })).toBe('第 3 / 10 步');
  });

  it('ends a sentence once when the message put at its end ends in a full stop of its own', () => {
    const stopped = phrase('narrate.endOther', { message: phrase('words.stoppedByUser') });
    expect(sayIn('en', stopped)).toBe('The run ended: Stopped by the user.');
    expect(sayIn('zh-CN', stopped)).toBe('运行结束：被用户停止。');
    const hang = phrase('narrate.endOther', { message: 'Thread-1 runs loop.run_forever() (a real one would hang here).' });
    expect(sayIn('zh-CN', hang)).toBe('运行结束：Thread-1 runs loop.run_forever() (a real one would hang here).');
    expect(translate('en', 'narrate.error', { exc: 'ZeroDivisionError', message: 'division by zero' }))
      .toBe('The program raised ZeroDivisionError: division by zero.');
    expect(translate('en', 'narrate.error', { exc: 'KeyError', message: "'a'" })).toBe("The program raised KeyError: 'a'.");
  });

  it('picks Chinese for any zh browser language, else English', () => {
    expect(localeFromBrowser('zh-CN')).toBe('zh-CN');
    expect(localeFromBrowser('zh-TW')).toBe('zh-CN');
    expect(localeFromBrowser('en-GB')).toBe('en');
    expect(localeFromBrowser(undefined)).toBe('en');
  });

  it('shows text the model found nothing to word as it is', () => {
    expect(sayIn('zh-CN', 'cb(3)')).toBe('cb(3)');
    expect(sayIn('zh-CN', phrase('notice.openedLink'))).toBe(zhCN['notice.openedLink']);
  });
});
