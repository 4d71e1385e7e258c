import { describe, expect, it } from 'vitest';
import { readSaved } from './prefs';
import { resolveTheme } from './theme';

describe('saved preferences', () => {
  it('nothing saved, or something damaged: the system theme', () => {
    expect(readSaved(null)).toEqual({ theme: 'system' });
    expect(readSaved('{not json').theme).toBe('system');
    expect(readSaved('"light"').theme).toBe('system');
    expect(readSaved('{"theme":"sepia"}').theme).toBe('system');
  });

  it('a saved choice comes back', () => {
    expect(readSaved('{"theme":"dark"}').theme).toBe('dark');
    expect(readSaved('{"theme":"light","other":1}').theme).toBe('light');
  });
});

describe('the theme shown', () => {
  it('follows the system unless the switch names one', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
