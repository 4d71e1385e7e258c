/** What a gallery entry is: our program, what to watch for, and the steps to mark. */
import type { Localized } from '../i18n';
import type { MarkRule } from '../model';

export interface ExampleMark {
  readonly rule: MarkRule;
  /** The tick's tooltip: what happens at this step. */
  readonly label: Localized;
}

export interface Example {
  /** Stable, for links and tests: the .py file's name. */
  readonly id: string;
  readonly source: string;
  readonly title: Localized;
  /** Two or three sentences on what to watch for, for someone new to asyncio. */
  readonly watch: Localized;
  readonly marks: readonly ExampleMark[];
  /** Ends with an `error` event on purpose (the lesson is the error). */
  readonly showsError?: boolean;
}

/** A mark in one line: a rule and its label in both languages. */
export function mark(rule: MarkRule, en: string, zh: string): ExampleMark {
  return { rule, label: { en, 'zh-CN': zh } };
}

export function text(en: string, zh: string): Localized {
  return { en, 'zh-CN': zh };
}
