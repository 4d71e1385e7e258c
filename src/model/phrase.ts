/**
 * A sentence as data: a message key and its parameters. The model says *what* to say;
 * the UI's dictionary (src/i18n) says it in the reader's language, so a step's
 * narration can be switched between languages without recomputing the trace.
 */
export type PhraseParam = string | number | Phrase;

export interface Phrase<K extends string = string> {
  readonly key: K;
  readonly params: Readonly<Record<string, PhraseParam>>;
}

/** What the UI shows: a Phrase to word, or text that is shown as it is (code, Python's own words). */
export type Wording = string | Phrase;

export function phrase<K extends string>(key: K, params: Record<string, PhraseParam> = {}): Phrase<K> {
  return { key, params };
}
