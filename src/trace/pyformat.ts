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

/** Python's `f"{x:.{digits}f}"`: correctly rounded, ties to even on the exact binary value. */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const abs = Math.abs(x);
  if (abs >= 1e21) return `${sign}${BigInt(abs).toString()}${digits > 0 ? '.' + '0'.repeat(digits) : ''}`;
  // JavaScript rounds an exact tie away from zero, Python to even: look at the exact digits.
  let text = abs.toFixed(digits);
  const exact = abs.toFixed(100);
  const cut = exact.indexOf('.') + 1 + digits;
  if (exact[cut] === '5' && /^0*$/.test(exact.slice(cut + 1))) {
    const down = exact.slice(0, digits > 0 ? cut : cut - 1);
    if (Number(down[down.length - 1]) % 2 === 0) text = down;
  }
  return sign + text;
}

/** Python's `f"{x:.{precision}g}"` (precision ≥ 1), exactly, ties to even included. */
export function formatGeneral(x: number, precision: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const abs = Math.abs(x);
  if (abs === 0) return `${sign}0`;
  let [mantissa, exponent] = abs.toExponential(precision - 1).split('e') as [string, string];
  // An exact tie at the first dropped digit: JavaScript rounded away from zero, Python to even.
  const [exactMantissa, exactExponent] = abs.toExponential(100).split('e') as [string, string];
  const digitsOnly = exactMantissa.replace('.', '');
  if (digitsOnly[precision] === '5' && /^0*$/.test(digitsOnly.slice(precision + 1))
    && Number(digitsOnly[precision - 1]) % 2 === 0) {
    const kept = digitsOnly.slice(0, precision);
    mantissa = precision > 1 ? `${kept[0]}.${kept.slice(1)}` : kept;
    exponent = exactExponent;
  }
  const exp = Number(exponent);
  const digits = mantissa.replace('.', '');
  if (exp < -4 || exp >= precision) {
    const m = stripZeros(digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits);
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  // Fixed notation: the same significant digits with the point moved.
  let fixed: string;
  if (exp >= 0) {
    const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    fixed = `${whole}.${digits.slice(exp + 1)}`;
  } else {
    fixed = `0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return sign + stripZeros(fixed);
}
