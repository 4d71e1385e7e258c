/**
 * One plain sentence per step: what the event did and why, as a teacher would say it.
 * Returned as a Phrase (key + parameters); src/i18n holds the sentences in each language.
 */
import { assertUnreachable } from '../base/assert';
import type { TraceEvent } from '../trace/schema';
import { formatSeconds, quoteOutput } from './format';
import {
  blockingCall, endReason, handleLabel, ioDescription, limitReason, scheduleCause, waitDescription, warningCategory,
} from './loopWords';
import { phrase, type Phrase } from './phrase';
import type { LoopState } from './state';

/** Every key narrate can produce: the dictionary must have a sentence for each. */
export type NarrationKey =
  | 'narrate.program' | 'narrate.queueEmpty' | 'narrate.queueOne' | 'narrate.queueMany'
  | 'narrate.loopCreate' | 'narrate.loopRunUntilComplete' | 'narrate.loopRunForever' | 'narrate.loopStop'
  | 'narrate.loopClose' | 'narrate.taskCreatedInternal' | 'narrate.taskCreated' | 'narrate.scheduleTimer'
  | 'narrate.timerDue' | 'narrate.wake' | 'narrate.scheduleReady' | 'narrate.callback' | 'narrate.resumeExc'
  | 'narrate.starts' | 'narrate.runsAgain' | 'narrate.resumeValue' | 'narrate.yields' | 'narrate.awaits'
  | 'narrate.taskDone' | 'narrate.taskFailed' | 'narrate.taskCancelled' | 'narrate.futureCreated'
  | 'narrate.futureResolved' | 'narrate.futureCancelled' | 'narrate.cancel' | 'narrate.cancelMsg'
  | 'narrate.clock' | 'narrate.blocked' | 'narrate.blockedMain' | 'narrate.blockedThread' | 'narrate.spins' | 'narrate.ioStart' | 'narrate.ioStartDur' | 'narrate.ioDone'
  | 'narrate.unscheduleTimer' | 'narrate.unscheduleReady' | 'narrate.stdout' | 'narrate.stderr'
  | 'narrate.legacy' | 'narrate.warning' | 'narrate.error' | 'narrate.errorLine' | 'narrate.lineTask'
  | 'narrate.lineTop' | 'narrate.endFinished' | 'narrate.endRaised' | 'narrate.endSyntax' | 'narrate.endOther'
  | 'narrate.nothingYet';

export type Narration = Phrase<NarrationKey>;

/** How the engine names the span of a thread parked in a busy wait. */
const SPIN_CALL = 'busy-waits (';

const say = (key: NarrationKey, params: Record<string, string | number | Phrase> = {}): Narration => phrase(key, params);

function who(task: string | null): string | Phrase {
  return task ?? say('narrate.program');
}

function queueTail(state: LoopState): Narration {
  const n = state.readyQueue.length;
  if (n === 0) return say('narrate.queueEmpty');
  return n === 1 ? say('narrate.queueOne') : say('narrate.queueMany', { n });
}

/** Before the first event. */
export const NOTHING_YET: Narration = say('narrate.nothingYet');

/** The sentence for `ev`, given the state right after it. */
export function narrate(ev: TraceEvent, state: LoopState): Narration {
  switch (ev.kind) {
    case 'loop':
      switch (ev.action) {
        case 'create': return say('narrate.loopCreate');
        case 'run_until_complete': return say('narrate.loopRunUntilComplete');
        case 'run_forever': return say('narrate.loopRunForever');
        case 'stop': return say('narrate.loopStop');
        case 'close': return say('narrate.loopClose');
        default: return assertUnreachable(ev.action);
      }
    case 'task-created':
      if (ev.internal) return say('narrate.taskCreatedInternal', { id: ev.id, coro: ev.coro });
      return say('narrate.taskCreated', { creator: who(ev.parent), id: ev.id, coro: ev.coro });
    case 'schedule': {
      if (ev.queue === 'timer') {
        return say('narrate.scheduleTimer', {
          label: handleLabel(ev.label), when: formatSeconds(ev.when ?? ev.t), cause: scheduleCause(ev.cause),
        });
      }
      const position = state.readyQueue.length;
      if (ev.cause.startsWith('timer due')) return say('narrate.timerDue', { t: formatSeconds(ev.t), label: handleLabel(ev.label) });
      if (ev.target !== null && ev.cause.includes('→ wake')) {
        return say('narrate.wake', { target: ev.target, why: scheduleCause(ev.cause.split(' → ')[0]!), position });
      }
      return say('narrate.scheduleReady', { label: handleLabel(ev.label), position, cause: scheduleCause(ev.cause) });
    }
    case 'callback':
      return say('narrate.callback', { label: handleLabel(ev.label), tail: queueTail(state) });
    case 'resume': {
      if (ev.exc !== null) return say('narrate.resumeExc', { id: ev.id, exc: ev.exc });
      if (ev.by === null) {
        const coro = state.tasks.get(ev.id)?.coro;
        return coro ? say('narrate.starts', { id: ev.id, coro }) : say('narrate.runsAgain', { id: ev.id });
      }
      return say('narrate.resumeValue', { id: ev.id, by: ev.by, value: ev.value ?? 'None' });
    }
    case 'suspend':
      if (ev.awaits.startsWith('yield')) return say('narrate.yields', { id: ev.id });
      return say('narrate.awaits', { id: ev.id, awaits: waitDescription(ev.awaits) });
    case 'task-done':
      if (ev.state === 'done') return say('narrate.taskDone', { id: ev.id, result: ev.result ?? 'None' });
      if (ev.state === 'failed') return say('narrate.taskFailed', { id: ev.id, exc: ev.exc ?? '?' });
      return say('narrate.taskCancelled', { id: ev.id });
    case 'future-created': return say('narrate.futureCreated', { fut: ev.fut });
    case 'future-resolved': return say('narrate.futureResolved', { fut: ev.fut, value: ev.value ?? 'None' });
    case 'future-cancelled': return say('narrate.futureCancelled', { fut: ev.fut });
    case 'cancel':
      return ev.msg
        ? say('narrate.cancelMsg', { by: ev.by ?? 'asyncio', id: ev.id, msg: ev.msg })
        : say('narrate.cancel', { by: ev.by ?? 'asyncio', id: ev.id });
    case 'clock':
      return say('narrate.clock', { from: formatSeconds(ev.from), to: formatSeconds(ev.to) });
    case 'blocked':
      // A thread parked in a busy wait (src/engine/py/loopscope/spins.py).
      if (ev.call.startsWith(SPIN_CALL)) {
        return say('narrate.spins', { who: who(ev.task), dur: formatSeconds(ev.dur), until: formatSeconds(ev.t + ev.dur) });
      }
      // A simulated thread's block (its name is not a task's) holds up only that thread.
      if (ev.task !== null && !state.tasks.has(ev.task)) {
        return say('narrate.blockedThread', { who: ev.task, call: blockingCall(ev.call), dur: formatSeconds(ev.dur) });
      }
      // The main thread outside any callback (the module's top level, before or after
      // asyncio.run, or while a thread runs the loop): it blocks no loop of its own.
      if (ev.task === null && (state.running === null || state.running.handle === null)) {
        return say('narrate.blockedMain', { call: blockingCall(ev.call), dur: formatSeconds(ev.dur) });
      }
      return say('narrate.blocked', { call: blockingCall(ev.call), dur: formatSeconds(ev.dur) });
    case 'io':
      if (ev.phase === 'done') return say('narrate.ioDone', { what: ioDescription(ev.what) });
      return ev.dur !== null
        ? say('narrate.ioStartDur', { what: ioDescription(ev.what), dur: formatSeconds(ev.dur) })
        : say('narrate.ioStart', { what: ioDescription(ev.what) });
    case 'unschedule':
      return say(ev.queue === 'timer' ? 'narrate.unscheduleTimer' : 'narrate.unscheduleReady', { by: who(ev.by), handle: ev.handle });
    case 'output':
      return say(ev.stream === 'stdout' ? 'narrate.stdout' : 'narrate.stderr', { who: who(ev.task), text: quoteOutput(ev.text) });
    case 'warning':
      return ev.legacy
        ? say('narrate.legacy', { message: ev.message })
        : say('narrate.warning', {
          category: warningCategory(ev.category), message: ev.category === 'Limit' ? limitReason(ev.message) : ev.message,
        });
    case 'error':
      return ev.line !== null
        ? say('narrate.errorLine', { exc: ev.excType, message: ev.message, line: ev.line })
        : say('narrate.error', { exc: ev.excType, message: ev.message });
    case 'line':
      return ev.task ? say('narrate.lineTask', { task: ev.task, line: ev.line ?? '?' }) : say('narrate.lineTop', { line: ev.line ?? '?' });
    case 'end':
      switch (ev.status) {
        case 'finished': return say('narrate.endFinished', { code: ev.exitCode });
        case 'raised': return say('narrate.endRaised', { message: ev.message });
        case 'syntax-error': return say('narrate.endSyntax', { message: ev.message });
        default: return say('narrate.endOther', { message: ev.message ? endReason(ev.message) : phrase(`runStatus.${ev.status}`) });
      }
    default:
      return assertUnreachable(ev);
  }
}
