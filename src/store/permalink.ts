/**
 * The plain `#code=<base64url>` form, read synchronously at start-up so the editor opens
 * with the linked program. The versioned, compressed form and the codec itself live in
 * src/trace/permalink.ts, shared with the `loopscope link` command.
 */
import { decodeSource } from '../trace/permalink';

export { encodeSource, decodeSource } from '../trace/permalink';

/** The program a location hash such as `#code=…&seed=2` carries, if any. */
export function sourceFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code');
  return code === null ? null : decodeSource(code);
}
