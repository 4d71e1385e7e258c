/**
 * Python's text for numbers and waits, for the labels the wire decoder rebuilds: they
 * must read exactly as the engine would have written them in Python.
 */

/** Python's `format(x, 'g')`: six significant digits, trailing zeros dropped. */
export function formatG(x: number): string {
  return formatGeneral(x, 6);
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
  let text = abs.toFixed(digits);
  // JavaScript rounds an exact tie away from zero, Python to even. A tie makes abs × 10^digits
  // end in exactly .5 (a product that is representable below 2^52, so it comes out exact):
  // anything else needs no look at the exact digits.
  const scaled = abs * 10 ** digits;
  if (scaled < 2 ** 52 && scaled - Math.floor(scaled) !== 0.5) return sign + text;
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
  const [rounded, exponent] = abs.toExponential(precision - 1).split('e') as [string, string];
  // An exact tie at the first dropped digit: JavaScript rounded away from zero, Python to even.
  // A tie has precision + 1 significant digits, the last a 5, so written with one digit more
  // it ends in 5 (exactly: no rounding there); anything else needs no look at the exact digits.
  const finer = abs.toExponential(precision);
  const mantissa = finer[finer.indexOf('e') - 1] === '5' ? tieToEven(abs, precision, rounded) : rounded;
  return generalText(sign, mantissa, exponent, precision);
}

/** The mantissa Python writes for a value that may be an exact tie at `precision` digits. */
function tieToEven(abs: number, precision: number, rounded: string): string {
  const [exactMantissa] = abs.toExponential(100).split('e') as [string];
  const digitsOnly = exactMantissa.replace('.', '');
  if (digitsOnly[precision] === '5' && /^0*$/.test(digitsOnly.slice(precision + 1))
    && Number(digitsOnly[precision - 1]) % 2 === 0) {
    const kept = digitsOnly.slice(0, precision);
    return precision > 1 ? `${kept[0]}.${kept.slice(1)}` : kept;
  }
  return rounded;
}

/** `f"{x:.{precision}g}"` from the rounded mantissa and exponent (as toExponential writes them). */
function generalText(sign: string, mantissa: string, exponent: string, precision: number): string {
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

/** `format` with a memory of its recent answers: a program's delays repeat (a sleep(0.5)
 * in a loop), and its run's decoder writes each of them once per sleep. */
export function remembered(format: (x: number) => string, size = 512): (x: number) => string {
  const known = new Map<number, string>();
  return (x) => {
    if (x === 0) return format(x); // a Map holds 0 and -0 as one key; Python writes them apart
    let text = known.get(x);
    if (text === undefined) {
      if (known.size >= size) known.clear();
      text = format(x);
      known.set(x, text);
    }
    return text;
  };
}
