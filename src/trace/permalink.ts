/**
 * Permalinks: a scenario (program, seed, network, granularity, speed) and a step, in a
 * URL fragment, so nothing reaches a server. One module for the app and the CLI.
 *
 *   #v=1&z=<base64url of deflate-raw(JSON scenario)>&step=37
 *
 * deflate-raw (CompressionStream) makes links about 30% shorter than lz-string for
 * tutorial programs (~590 vs ~810 characters for 1 KB of Python), and its streaming
 * decoder lets a hostile link be refused at a size limit instead of inflating it whole.
 * The step stays outside the compressed part so a teacher can edit it by hand.
 * The older `#code=<base64url of UTF-8>` form is still read.
 */
import type { NetworkSettings } from './schema';
import { checkScenario, LinkError } from './scenario';

export { LinkError };

export const LINK_VERSION = 1;
/** Where `npm start` serves the app: the base of links made outside a browser. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:5173/';
/** Longer fragments are refused before any decoding (a 30-line program is ~600). */
export const MAX_LINK_CHARS = 64 * 1024;
/** The decompressed scenario may not exceed this many bytes (a deflate bomb stops here). */
export const MAX_SCENARIO_BYTES = 256 * 1024;

/** What a link replays. Absent fields take the app's defaults. */
export interface Scenario {
  program: string;
  seed?: number;
  network?: NetworkSettings;
  granularity?: string;
  speed?: number;
}

export interface Permalink {
  scenario: Scenario;
  /** The step shown as "step N" (0: before the first event); null: the start. */
  step: number | null;
}

export type LinkReading =
  | { kind: 'none' }
  /** `legacy`: the plain `#code=` form, which carries the program only. */
  | { kind: 'link'; link: Permalink; legacy: boolean }
  | { kind: 'error'; message: string };

export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url string, or null when it is not base64url. */
export function base64urlToBytes(encoded: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return null;
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  try {
    return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** `#code=` links (RFC 4648 §5, UTF-8, no padding). */
export function encodeSource(source: string): string {
  return bytesToBase64url(new TextEncoder().encode(source));
}

/** The program in a base64url string, or null when it is not valid base64url UTF-8. */
export function decodeSource(encoded: string): string | null {
  const bytes = base64urlToBytes(encoded);
  if (bytes === null) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new LinkError(`The link's program is too large to open (over ${Math.round(limit / 1024)} KB).`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The fragment (without `#`) that opens `link`. */
export async function encodePermalink(link: Permalink): Promise<string> {
  const json = JSON.stringify(link.scenario);
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), Infinity);
  const step = link.step === null ? '' : `&step=${link.step}`;
  return `v=${LINK_VERSION}&z=${bytesToBase64url(packed)}${step}`;
}

/** A full URL: `base` without its own fragment, then the permalink's. */
export async function permalinkUrl(base: string, link: Permalink): Promise<string> {
  return `${base.replace(/#.*$/, '')}#${await encodePermalink(link)}`;
}

// The browser percent-encodes some characters of a pasted fragment (`<`, spaces):
// messages quote what the person typed. Base64url values have no `%` to decode.
function unescape(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// Not URLSearchParams: it would turn a `+` into a space and hide a damaged value.
function fragmentFields(hash: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    fields.set(at < 0 ? part : part.slice(0, at), at < 0 ? '' : unescape(part.slice(at + 1)));
  }
  return fields;
}

function readStep(text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  if (!/^\d{1,9}$/.test(text)) throw new LinkError(`The link's step “${text.slice(0, 20)}” is not a whole number.`);
  return Number(text);
}

async function readCompressed(fields: Map<string, string>): Promise<Permalink> {
  const version = fields.get('v');
  if (version !== String(LINK_VERSION)) {
    throw new LinkError(/^\d+$/.test(version ?? '') && Number(version) > LINK_VERSION
      ? `This link was made by a newer Loopscope (link version ${version}); this one reads version ${LINK_VERSION}.`
      : `The link's version “${(version ?? '').slice(0, 20)}” is not one Loopscope knows.`);
  }
  const packed = base64urlToBytes(fields.get('z') ?? '');
  if (packed === null || packed.length === 0) {
    throw new LinkError('The link is damaged: its program is not valid base64url (was it cut short when copied?).');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(packed, new DecompressionStream('deflate-raw'), MAX_SCENARIO_BYTES));
  } catch (err) {
    if (err instanceof LinkError) throw err;
    throw new LinkError('The link is damaged: its program does not decompress (was it cut short when copied?).');
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new LinkError('The link is damaged: its scenario is not readable.');
  }
  return { scenario: checkScenario(data), step: readStep(fields.get('step')) };
}

/** Reads a location hash: a permalink, a `#code=` link, nothing, or why it cannot be opened. */
export async function readPermalink(hash: string): Promise<LinkReading> {
  if (hash.length > MAX_LINK_CHARS) {
    return { kind: 'error', message: `The link is too long to open (${hash.length} characters; the limit is ${MAX_LINK_CHARS}).` };
  }
  const fields = fragmentFields(hash);
  try {
    if (fields.has('z') || fields.has('v')) return { kind: 'link', link: await readCompressed(fields), legacy: false };
    const code = fields.get('code');
    if (code === undefined) return { kind: 'none' };
    const program = decodeSource(code);
    if (program === null) throw new LinkError('The link is damaged: its program is not valid base64url UTF-8 text.');
    return { kind: 'link', link: { scenario: { program }, step: readStep(fields.get('step')) }, legacy: true };
  } catch (err) {
    if (err instanceof LinkError) return { kind: 'error', message: err.message };
    throw err;
  }
}
