/** Opening a gallery example, and the permalink that opens it for anyone. */
import { EXAMPLES, type Example } from '../../examples';
import { useLocale } from '../../i18n';
import { phrase } from '../../model';
import { openScenario, setSource, useApp } from '../../store';
import { permalinkUrl } from '../../trace/permalink';

/** Puts the example in the editor (keeping the user's own text) and runs it. */
export function openExample(example: Example): void {
  // Replacing one untouched example by another loses nobody's work: the text kept as
  // "previous" stays the user's own.
  if (exampleOfRun(useApp.getState().source)) setSource(example.source);
  const before = useApp.getState().linkNotice;
  openScenario({ program: example.source }, null);
  const after = useApp.getState().linkNotice;
  // The store words it as a link's; from the gallery it is an example.
  if (after !== before && after?.kind === 'info') {
    // The title goes in the language of the moment: a notice is read when it appears.
    const title = example.title[useLocale.getState().locale];
    useApp.setState({ linkNotice: { kind: 'info', message: phrase('notice.openedExample', { title }) } });
  }
}

/** The example whose program produced the trace on screen (so a shared link keeps its marks). */
export function exampleOfRun(runSource: string | null): Example | null {
  if (runSource === null) return null;
  return EXAMPLES.find((example) => example.source === runSource) ?? null;
}

/** This page's address with the example as a permalink fragment. */
export function exampleLink(example: Example): Promise<string> {
  return permalinkUrl(`${location.origin}${location.pathname}`, { scenario: { program: example.source }, step: null });
}
