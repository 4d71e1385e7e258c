/**
 * The engine writes what the loop holds in English: a handle's label ("Task fetch-2
 * step"), why it was scheduled ("timer due at t=2"), what a task awaits ("sleep(1)
 * until t=2"). The trace keeps those strings as they are (saved traces and links must
 * not depend on the reader's language); here they are read back into Phrases, so the
 * dictionary can say their words in the reader's language while the identifiers and
 * code inside (task names, `sleep(1)`, `Queue.get`) pass through verbatim.
 *
 * Every shape renders back to the engine's exact text in English. A string of a shape
 * not listed here is returned unchanged.
 */
import { phrase, type Phrase, type PhraseParam } from './phrase';

/** Every key these functions can produce: the dictionary must have each. */
export type LoopWordsKey =
  | 'words.topLevel' | 'words.taskStep' | 'words.sleepTimer' | 'words.responseArrives'
  | 'words.createdBy' | 'words.createdAtTop' | 'words.doneWake' | 'words.cancelledWake' | 'words.done'
  | 'words.cancelled' | 'words.yielded' | 'words.stepOf' | 'words.timerDue' | 'words.awaitsSleep'
  | 'words.scheduledByAt' | 'words.scheduledBy' | 'words.postedAt' | 'words.posted' | 'words.sent'
  | 'words.whatItAwaited' | 'words.yieldBack' | 'words.yield' | 'words.sleepYield' | 'words.sleepUntil'
  | 'words.queueGet' | 'words.queuePut' | 'words.queueJoin' | 'words.lockHeld' | 'words.semaphore'
  | 'words.eventNotSet' | 'words.untilNotified' | 'words.waitOne' | 'words.waitMany' | 'words.waitForCoro'
  | 'words.asCompleted' | 'words.barrier' | 'words.taskGroupExit' | 'words.taskGroupExitShort' | 'words.gatherMany'
  | 'words.request' | 'words.threadDaemon' | 'words.thread' | 'words.jobQueued' | 'words.job'
  | 'words.bytesTo' | 'words.endOf' | 'words.blockedRequest'
  | 'words.limitEvents' | 'words.limitVirtual' | 'words.limitRealTime' | 'words.noYieldAt' | 'words.noYield'
  | 'words.thisCallback' | 'words.topLevelCode' | 'words.limitCategory' | 'words.stoppedByUser'
  | 'words.stoppedRestarted' | 'words.crashed' | 'words.engineFailed' | 'words.couldNotStart';

type Reword = (text: string) => string | Phrase;

interface Shape {
  readonly pattern: RegExp;
  readonly key: LoopWordsKey;
  /** The pattern's groups in order; a name with a rewording reads its group as such. */
  readonly params: readonly (string | readonly [string, Reword])[];
}

/** Reads `text` as the first shape that matches all of it; else returns it unchanged. */
function reword(shapes: readonly Shape[], text: string): string | Phrase {
  for (const { pattern, key, params } of shapes) {
    const match = pattern.exec(text);
    if (!match) continue;
    const values: Record<string, PhraseParam> = {};
    params.forEach((param, i) => {
      const group = match[i + 1] ?? '';
      if (typeof param === 'string') values[param] = group;
      else values[param[0]] = param[1](group);
    });
    return phrase(key, values);
  }
  return text;
}

const shape = (pattern: RegExp, key: LoopWordsKey, ...params: Shape['params']): Shape => ({ pattern, key, params });

/** "top level" stands where a task name would: the program's own code, outside any task. */
const who: Reword = (text) => (text === 'top level' ? phrase('words.topLevel') : text);

const LABELS: readonly Shape[] = [
  shape(/^Task (.+) step$/s, 'words.taskStep', 'id'),
  shape(/^sleep\((.+)\) timer of (.+)$/s, 'words.sleepTimer', 'delay', ['who', who]),
  shape(/^response arrives: (.+)$/s, 'words.responseArrives', 'what'),
];

/** A handle's label in the ready queue, the timer heap or "running now". */
export const handleLabel: Reword = (label) => reword(LABELS, label);

const WAITS: readonly Shape[] = [
  shape(/^what it awaited$/, 'words.whatItAwaited'),
  shape(/^yield to the loop \(back in the ready queue\)$/, 'words.yieldBack'),
  shape(/^yield to the loop$/, 'words.yield'),
  shape(/^sleep\((.+)\): yield to the loop$/s, 'words.sleepYield', 'delay'),
  shape(/^sleep\((.+)\) until t=(\S+)$/s, 'words.sleepUntil', 'delay', 't'),
  shape(/^(\w+)\.get \(empty, (\d+) items\)$/, 'words.queueGet', 'queue', 'size'),
  shape(/^(\w+)\.put \(full, maxsize=(.+), (\d+) items\)$/, 'words.queuePut', 'queue', 'max', 'size'),
  shape(/^(\w+)\.join \((.+) unfinished, (\d+) items\)$/, 'words.queueJoin', 'queue', 'unfinished', 'size'),
  shape(/^Lock\.acquire \(held, (\d+) waiting\)$/, 'words.lockHeld', 'waiting'),
  shape(/^(\w+)\.acquire \((.+) left, (\d+) waiting\)$/, 'words.semaphore', 'kind', 'left', 'waiting'),
  shape(/^Event\.wait \(not set\)$/, 'words.eventNotSet'),
  shape(/^(Condition\.wait(?:_for)?) \(until notified\)$/, 'words.untilNotified', 'call'),
  shape(/^wait\(1 task, (\w+)(.*)\)$/s, 'words.waitOne', 'mode', 'extra'),
  shape(/^wait\((\d+) tasks, (\w+)(.*)\)$/s, 'words.waitMany', 'n', 'mode', 'extra'),
  shape(/^wait_for\(a coroutine, (timeout=.*)\)$/s, 'words.waitForCoro', 'timeout'),
  shape(/^as_completed: the next one to finish$/, 'words.asCompleted'),
  shape(/^Barrier\.wait \((\S+) of (\S+) arrived\)$/, 'words.barrier', 'arrived', 'parties'),
  shape(/^TaskGroup exit \((\d+) running\)$/, 'words.taskGroupExit', 'n'),
  shape(/^TaskGroup exit$/, 'words.taskGroupExitShort'),
  shape(/^gather\((.+), … (\d+) tasks\)$/s, 'words.gatherMany', 'names', 'n'),
];

const IO: readonly Shape[] = [
  shape(/^([A-Z]+) (\S+) \((\d+) ms\)$/, 'words.request', 'method', 'url', 'ms'),
  shape(/^thread (.+) \(daemon\)$/s, 'words.threadDaemon', 'name'),
  shape(/^thread (.+)$/s, 'words.thread', 'name'),
  shape(/^(.+) on (\S+), queued (\S+) s for a free worker$/s, 'words.jobQueued', 'job', 'worker', 'queued'),
  shape(/^(.+) on (\S+)$/s, 'words.job', 'job', 'worker'),
  shape(/^(\d+) bytes to (.+)$/s, 'words.bytesTo', 'n', 'to'),
  shape(/^end of (.+)$/s, 'words.endOf', ['what', (what) => ioDescription(what)]),
];

/** Simulated I/O in flight: a request, a thread, an executor job, bytes on their way. */
export const ioDescription: Reword = (what) => reword(IO, what);

/** What a suspended task awaits (a request in flight reads as one). */
export const waitDescription: Reword = (awaits) => {
  const worded = reword(WAITS, awaits);
  return worded === awaits ? ioDescription(awaits) : worded;
};

const CAUSES: readonly Shape[] = [
  shape(/^created by (.+)$/s, 'words.createdBy', 'id'),
  shape(/^created at top level$/, 'words.createdAtTop'),
  shape(/^(.+) done → wake (.+)$/s, 'words.doneWake', ['what', waitDescription], 'id'),
  shape(/^(.+) cancelled → wake (.+)$/s, 'words.cancelledWake', ['what', waitDescription], 'id'),
  shape(/^(.+) yielded to the loop$/s, 'words.yielded', 'id'),
  shape(/^timer due at t=(\S+)$/, 'words.timerDue', 't'),
  shape(/^(.+) awaits asyncio\.sleep\((.+)\)$/s, 'words.awaitsSleep', ['who', who], 'delay'),
  shape(/^scheduled by (.+) at line (\d+)$/s, 'words.scheduledByAt', ['who', who], 'line'),
  shape(/^scheduled by (.+)$/s, 'words.scheduledBy', ['who', who]),
  shape(/^posted from (.+) via call_soon_threadsafe at t=(\S+)$/s, 'words.postedAt', 'thread', 't'),
  shape(/^posted from (.+) via call_soon_threadsafe$/s, 'words.posted', 'thread'),
  // Why a task woke, as narration quotes it: the cause up to its arrow.
  shape(/^(.+) done$/s, 'words.done', ['what', waitDescription]),
  shape(/^(.+) cancelled$/s, 'words.cancelled', ['what', waitDescription]),
  shape(/^(.+) step$/s, 'words.stepOf', 'id'),
  shape(/^(.+) sent (.+)$/s, 'words.sent', ['who', who], 'what'),
];

/** Why a handle entered the ready queue or the timer heap. */
export const scheduleCause: Reword = (cause) => reword(CAUSES, cause);

const where: Reword = (text) => (text === 'this callback' ? phrase('words.thisCallback')
  : text === "the program's top-level code" ? phrase('words.topLevelCode') : text);

const LIMITS: readonly Shape[] = [
  shape(/^event limit reached: ([\d,]+) trace events$/, 'words.limitEvents', 'n'),
  shape(/^virtual time limit reached: the next timer is at t=(\S+) s, past the limit of (\S+) s$/, 'words.limitVirtual', 't', 'max'),
  shape(/^real-time limit reached: the run took over (\S+) s of real time$/, 'words.limitRealTime', 's'),
  shape(/^(.+) ran (\d+) ms without yielding to the loop \(at line (\d+)\)$/s, 'words.noYieldAt', ['where', where], 'ms', 'line'),
  shape(/^(.+) ran (\d+) ms without yielding to the loop$/s, 'words.noYield', ['where', where], 'ms'),
];

/** Why a run stopped at a limit (the engine's Limit warning and the run's end). */
export const limitReason: Reword = (message) => reword(LIMITS, message);

const STOPS: readonly Shape[] = [
  ...LIMITS,
  shape(/^Stopped by the user\.$/, 'words.stoppedByUser'),
  shape(/^Stopped: the program was still running, so Python was restarted\.$/, 'words.stoppedRestarted'),
  // The engine's own trouble (src/engine/worker.ts): the error inside is JavaScript's or Pyodide's.
  shape(/^Python crashed \((.*)\), most likely from tasks awaiting each other too deeply; it is restarting, and the trace so far is kept\.$/s,
    'words.crashed', 'error'),
  shape(/^Loopscope's engine failed: (.*)$/s, 'words.engineFailed', 'error'),
  shape(/^Python could not start: (.*)$/s, 'words.couldNotStart', 'error'),
];

/** Why a run ended early or the engine failed, as the engine or its client wrote it (Python's own errors stay). */
export const endReason: Reword = (message) => reword(STOPS, message);

/** A warning's category: Python's own (RuntimeWarning…) stay; the engine's "Limit" is ours. */
export const warningCategory: Reword = (category) => (category === 'Limit' ? phrase('words.limitCategory') : category);

/** A blocking call as the engine names it; a request's description after the dash is words. */
export const blockingCall: Reword = (call) => {
  const dash = call.indexOf(' — ');
  if (dash < 0) return call;
  const what = ioDescription(call.slice(dash + 3));
  return typeof what === 'string' ? call : phrase('words.blockedRequest', { call: call.slice(0, dash), what });
};
