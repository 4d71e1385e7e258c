/**
 * Two languages, one typed dictionary: `t(key, params)` with a key the English
 * dictionary has (a missing translation is a type error in zh-CN.ts). The chosen
 * language comes from the browser, can be switched, and is remembered.
 * Program output is never translated: only our own words go through here.
 */
import { create } from 'zustand';
import type { LoopWordsKey } from '../model/loopWords';
import type { NarrationKey } from '../model/narrate';
import type { LinkWordsKey } from '../model/linkWords';
import type { PhraseParam, Wording } from '../model/phrase';
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey, Messages };
export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly { id: Locale; name: string }[] = [
  { id: 'en', name: 'English' },
  { id: 'zh-CN', name: '中文' },
];
/** Text written for both languages (example explanations). */
export type Localized = Readonly<Record<Locale, string>>;

// Every sentence narrate can produce must be in the dictionary: this fails to compile otherwise.
type Covered<K extends MessageKey> = K;
export type NarrationCovered = Covered<NarrationKey>;
export type LoopWordsCovered = Covered<LoopWordsKey>;
export type LinkWordsCovered = Covered<LinkWordsKey>;

const DICTIONARIES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
export const LOCALE_KEY = 'loopscope.locale.v1';

/** `navigator.language` → our locale: any Chinese is zh-CN (we have no zh-TW yet). */
export function localeFromBrowser(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function isLocale(x: unknown): x is Locale {
  return x === 'en' || x === 'zh-CN';
}

function savedLocale(): Locale | null {
  try {
    const saved = globalThis.localStorage?.getItem(LOCALE_KEY);
    return isLocale(saved) ? saved : null;
  } catch {
    return null;
  }
}

function startingLocale(): Locale {
  return savedLocale() ?? localeFromBrowser(globalThis.navigator?.language);
}

export const useLocale = create<{ locale: Locale }>()(() => ({ locale: startingLocale() }));

// The page's lang picks fonts and line breaking for Chinese, and tells screen readers.
function markPage(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
markPage(useLocale.getState().locale);

export function setLocale(locale: Locale): void {
  useLocale.setState({ locale });
  markPage(locale);
  try {
    globalThis.localStorage?.setItem(LOCALE_KEY, locale);
  } catch {
    // Privacy mode: the choice lasts this session.
  }
}

export type Params = Readonly<Record<string, PhraseParam>>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** A sentence's own end: a message that has one ends the sentence it is put in. */
const ENDS_SENTENCE = /[.!?。！？]$/;

/** The sentence for `key` in `locale`, with `{name}` replaced (phrases are worded recursively). */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return DICTIONARIES[locale][key].replace(/\{(\w+)\}([.。]?)/g, (whole, name: string, stop: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const text = typeof value === 'object' ? sayIn(locale, value) : String(value);
    // "The run ended: {message}." with "Stopped by the user." would say "user..".
    return ENDS_SENTENCE.test(text) ? text : text + stop;
  });
}

/**
 * A model Phrase in `locale`. Keys the dictionary lacks are shown as they are, and so is
 * a plain string (text the model found nothing to word, such as code).
 */
export function sayIn(locale: Locale, phrase: Wording): string {
  if (typeof phrase === 'string') return phrase;
  const key = phrase.key as MessageKey;
  return key in en ? translate(locale, key, phrase.params) : phrase.key;
}

/** Outside React: the current language. */
export const t: Translate = (key, params) => translate(useLocale.getState().locale, key, params);

/** In a component: re-renders when the language changes. */
export function useT(): Translate {
  const locale = useLocale((s) => s.locale);
  return (key, params) => translate(locale, key, params);
}

export function useSay(): (phrase: Wording) => string {
  const locale = useLocale((s) => s.locale);
  return (phrase) => sayIn(locale, phrase);
}

/** Text written in both languages, in the current one. */
export function useLocalized(): (text: Localized) => string {
  const locale = useLocale((s) => s.locale);
  return (text) => text[locale];
}
