import { describe, expect, it } from 'vitest';
import { formatFixed, formatG, formatGeneral, remembered, shortWait } from './pyformat';

describe('formatG', () => {
  it("writes numbers as Python's format(x, 'g') does", () => {
    // Expected values printed by CPython 3.13: [format(x, 'g') for x in ...].
    const cases: [number, string][] = [
      [0, '0'], [1, '1'], [0.1, '0.1'], [0.30000000000000004, '0.3'], [2.5, '2.5'],
      [1234567, '1.23457e+06'], [123456, '123456'], [0.0001, '0.0001'], [0.00001, '1e-05'],
      [0.000123456789, '0.000123457'], [1e21, '1e+21'], [-3.75, '-3.75'], [100, '100'],
      [0.2345678, '0.234568'], [999999.5, '1e+06'], [86400, '86400'], [1.5e-7, '1.5e-07'],
      [Infinity, 'inf'], [NaN, 'nan'], [99999.96, '100000'], [12.5, '12.5'], [0.05, '0.05'],
      [-0.000123, '-0.000123'], [0.123456789, '0.123457'], [3599.99999, '3600'],
      // Exact ties at the sixth digit round to even, as in Python (not away from zero).
      [95.53125, '95.5312'], [2 ** -10, '0.000976562'], [3119.125, '3119.12'], [2798.625, '2798.62'],
      [0.0625, '0.0625'],
    ];
    for (const [x, text] of cases) expect([x, formatG(x)]).toEqual([x, text]);
  });
});

describe('shortWait', () => {
  it('keeps the head of a wait description', () => {
    expect(shortWait('sleep(1) until t=2')).toBe('sleep(1)');
    expect(shortWait('Semaphore.acquire (0 left, 3 waiting)')).toBe('Semaphore.acquire');
    expect(shortWait('Task-3')).toBe('Task-3');
  });
});

describe('formatFixed and formatGeneral', () => {
  it("write numbers as Python's f'{x:.3f}' and f'{x:.12g}' do, exact ties to even included", () => {
    // Expected values printed by CPython 3.11.
    const fixed: [number, string][] = [
      [0.0625, '0.062'], [0.1875, '0.188'], [-0.0625, '-0.062'], [2.5, '2.500'], [1.0005, '1.000'],
      [0.0005, '0.001'], [1e22, '10000000000000000000000.000'], [123.4567, '123.457'], [0.3, '0.300'],
      [86400.0625, '86400.062'], [-0, '-0.000'], [Infinity, 'inf'], [NaN, 'nan'],
    ];
    for (const [x, text] of fixed) expect([x, formatFixed(x, 3)]).toEqual([x, text]);
    const general: [number, string][] = [
      [0.0625, '0.0625'], [1 / 3, '0.333333333333'], [8193 / 8192, '1.00012207031'],
      [1234567890123.5, '1.23456789012e+12'], [1e15, '1e+15'], [1e-7, '1e-07'], [0.1 * 3, '0.3'],
      [123456789012.5, '123456789012'], [999999999999.5, '1e+12'], [1e-5, '1e-05'], [-2.5, '-2.5'],
      [5e-324, '4.94065645841e-324'],
    ];
    for (const [x, text] of general) expect([x, formatGeneral(x, 12)]).toEqual([x, text]);
  });
});

describe('remembered', () => {
  it('writes a number once while it repeats, and keeps 0 and -0 apart', () => {
    let calls = 0;
    const text = remembered((x) => { calls++; return formatGeneral(x, 12); }, 2);
    expect([text(0.5), text(0.5), text(0.25), text(0.5)]).toEqual(['0.5', '0.5', '0.25', '0.5']);
    expect(calls).toBe(2);
    expect([text(0), text(-0)]).toEqual(['0', '-0']);
    expect(text(0.125)).toBe('0.125'); // past its size it forgets, and still answers
    expect(text(0.5)).toBe('0.5');
  });
});
