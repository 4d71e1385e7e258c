/** Exhaustiveness guard for switches over discriminated unions. */
export function assertUnreachable(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
