/**
 * Python's text for numbers and waits, for the labels the wire decoder rebuilds: they
 * must read exactly as the engine would have written them in Python.
 */

/** Python's `format(x, 'g')`: six significant digits, trailing zeros dropped. */
export function formatG(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 99999.95) {
    // The common case (delays, times): fixed notation whatever the rounding does. Six
    // significant digits, then JavaScript's shortest form drops the trailing zeros.
    return String(Number(x.toPrecision(6)));
  }
  const [mantissa, exponent] = x.toExponential(5).split('e') as [string, string];
  const exp = Number(exponent);
  if (exp < -4 || exp >= 6) {
    const digits = stripZeros(mantissa);
    const sign = exp < 0 ? '-' : '+';
    return `${digits}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return stripZeros(x.toFixed(5 - exp));
}

function stripZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** The head of a wait description, for causes: "sleep(1) until t=2" → "sleep(1)". */
export function shortWait(awaits: string): string {
  const paren = awaits.indexOf(' (');
  const head = paren < 0 ? awaits : awaits.slice(0, paren);
  const until = head.indexOf(' until ');
  return until < 0 ? head : head.slice(0, until);
}
