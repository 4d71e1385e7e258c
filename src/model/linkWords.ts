/**
 * Why a permalink could not be opened, as src/trace/permalink.ts writes it (in English:
 * the trace layer knows no languages), read back into a Phrase for the dictionary. What
 * the person typed, quoted in the message, passes through as it is.
 */
import { phrase, type Phrase } from './phrase';

export type LinkWordsKey =
  | 'linkWords.tooLong' | 'linkWords.tooLarge' | 'linkWords.badStep' | 'linkWords.newer' | 'linkWords.unknownVersion'
  | 'linkWords.notBase64' | 'linkWords.noDecompress' | 'linkWords.unreadable' | 'linkWords.notText' | 'linkWords.malformed';

const SHAPES: readonly [RegExp, LinkWordsKey, readonly string[]][] = [
  [/^The link is too long to open \((\d+) characters; the limit is (\d+)\)\.$/, 'linkWords.tooLong', ['n', 'max']],
  [/^The link's program is too large to open \(over (\d+) KB\)\.$/, 'linkWords.tooLarge', ['kb']],
  [/^The link's step “(.*)” is not a whole number\.$/s, 'linkWords.badStep', ['step']],
  [/^This link was made by a newer Loopscope \(link version (\d+)\); this one reads version (\d+)\.$/, 'linkWords.newer', ['version', 'ours']],
  [/^The link's version “(.*)” is not one Loopscope knows\.$/s, 'linkWords.unknownVersion', ['version']],
  [/^The link is damaged: its program is not valid base64url \(was it cut short when copied\?\)\.$/, 'linkWords.notBase64', []],
  [/^The link is damaged: its program does not decompress \(was it cut short when copied\?\)\.$/, 'linkWords.noDecompress', []],
  [/^The link is damaged: its scenario is not readable\.$/, 'linkWords.unreadable', []],
  [/^The link is damaged: its program is not valid base64url UTF-8 text\.$/, 'linkWords.notText', []],
  // The detail names a field of a hand-made scenario; it stays as written.
  [/^The link's scenario is malformed: (.*)\.$/s, 'linkWords.malformed', ['detail']],
];

/** The reason a link could not be opened; a message of another shape is returned as it is. */
export function linkReason(message: string): string | Phrase {
  for (const [pattern, key, names] of SHAPES) {
    const match = pattern.exec(message);
    if (match) return phrase(key, Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ''])));
  }
  return message;
}
