/**
 * Opening and making permalinks. Opening one runs its scenario and lands on its step
 * when the run ends; the editor's own text is never lost on the way: it is kept as the
 * "previous text", one click away.
 */
import { GRANULARITIES, linkReason, phrase, type Granularity } from '../model';
import { permalinkUrl, readPermalink, type Permalink, type Scenario } from '../trace/permalink';
import { DEFAULT_RUN_OPTIONS } from '../trace/schema';
import { keepPrevious, setSource } from './editor';
import { runProgram } from './engine';
import { SPEEDS } from './playback';
import { getApp, setApp, type AppState } from './store';

const OPENED = phrase('notice.openedLink');

const isGranularity = (x: string | undefined): x is Granularity => GRANULARITIES.some((g) => g.id === x);

/** Puts a scenario in place (keeping the editor's text), runs it, and lands on `step`. */
export function openScenario(scenario: Scenario, step: number | null): void {
  const replaced = keepPrevious(scenario.program);
  setSource(scenario.program);
  setApp({
    seed: scenario.seed ?? DEFAULT_RUN_OPTIONS.seed,
    network: scenario.network ?? null,
    ...(isGranularity(scenario.granularity) ? { granularity: scenario.granularity } : {}),
    ...(scenario.speed !== undefined && SPEEDS.includes(scenario.speed) ? { speed: scenario.speed } : {}),
    ...(replaced ? { linkNotice: { kind: 'info', message: OPENED } } : {}),
  });
  const runId = runProgram();
  const first = getApp().embed?.range?.first ?? -1;
  const cursor = step === null ? first : Math.max(step - 1, first);
  if (runId !== null && cursor >= 0) setApp({ pendingStep: { runId, cursor } });
}

/**
 * Opens the link in `hash`, if any. A `#code=` link was put in the editor at start-up
 * (initEditor) and runs only when it names a step or in embed mode; a versioned one
 * always runs. A link that cannot be opened says why and changes nothing.
 */
export async function openLink(hash: string): Promise<void> {
  const reading = await readPermalink(hash);
  const { embed, source } = getApp();
  if (reading.kind === 'none') {
    // An embed without a link shows its program run, as one with a link does.
    if (embed) openScenario({ program: source }, null);
    return;
  }
  if (reading.kind === 'error') {
    setApp({ linkNotice: { kind: 'error', message: phrase('notice.linkError', { reason: linkReason(reading.message) }) } });
    if (embed) openScenario({ program: source }, null);
    return;
  }
  const { link, legacy } = reading;
  if (legacy && link.step === null && !embed) {
    // Already in the editor when the page opened with it; pasted later, it is put there.
    if (keepPrevious(link.scenario.program)) setApp({ linkNotice: { kind: 'info', message: OPENED } });
    setSource(link.scenario.program);
    return;
  }
  openScenario(link.scenario, link.step);
}

/** The scenario and step on screen now, as a permalink. */
export function currentPermalink(state: AppState = getApp()): Permalink {
  const scenario: Scenario = { program: state.source };
  if (state.seed !== DEFAULT_RUN_OPTIONS.seed) scenario.seed = state.seed;
  if (state.network) scenario.network = state.network;
  if (state.granularity !== 'event') scenario.granularity = state.granularity;
  if (state.speed !== 4) scenario.speed = state.speed;
  return { scenario, step: state.cursor >= 0 ? state.cursor + 1 : null };
}

/** A link to what is on screen now: `base` is this page's address without its fragment. */
export function shareUrl(base: string): Promise<string> {
  return permalinkUrl(base, currentPermalink());
}

export function dismissLinkNotice(): void {
  setApp({ linkNotice: null });
}

/** Reads `?embed=1&editor=0&start=N&end=M` (steps as the counter shows them). */
export function embedFromSearch(search: string): AppState['embed'] {
  const params = new URLSearchParams(search);
  if (params.get('embed') !== '1') return null;
  const whole = (name: string) => {
    const text = params.get(name);
    return text !== null && /^\d{1,9}$/.test(text) ? Number(text) : null;
  };
  const start = whole('start');
  const end = whole('end');
  const range = start === null && end === null ? null
    : { first: start === null ? -1 : Math.max(start - 1, -1), last: end === null ? Infinity : Math.max(end - 1, (start ?? 0) - 1) };
  return { editor: params.get('editor') !== '0', range };
}
