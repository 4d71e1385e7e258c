import { describe, expect, it } from 'vitest';
import { choicesFrom } from './predict';

// A fixed sequence stands in for Math.random so the order is checkable.
const seeded = (values: number[]) => { let i = 0; return () => values[i++ % values.length]; };

describe('choicesFrom', () => {
  it('always offers the first printed line among distinct others, shuffled', () => {
    const lines = ['start espresso', 'start latte', 'start tea', 'espresso ready', 'start latte', 'served'];
    for (let n = 0; n < 20; n++) {
      const choices = choicesFrom(lines, 4);
      expect(choices).toContain('start espresso');
      expect(choices.length).toBe(4);
      expect(new Set(choices).size).toBe(4);
    }
    expect(choicesFrom(lines, 4, seeded([0]))).not.toEqual(choicesFrom(lines, 4, seeded([0.99])));
  });

  it('offers what there is, and nothing for a silent program', () => {
    expect(choicesFrom(['only\n'], 4).sort()).toEqual(['only']);
    expect(choicesFrom(['', '  '], 4)).toEqual([]);
  });
});
