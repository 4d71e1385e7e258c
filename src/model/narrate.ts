/**
 * One plain sentence per step: what the event did and why, as a teacher would say it.
 */
import { assertUnreachable } from '../base/assert';
import type { TraceEvent } from '../trace/schema';
import { formatSeconds, quoteOutput } from './format';
import type { LoopState } from './state';

function who(task: string | null): string {
  return task ?? 'The program';
}

function queueTail(state: LoopState): string {
  const n = state.readyQueue.length;
  if (n === 0) return 'the ready queue is now empty';
  return n === 1 ? '1 more handle waits in the ready queue' : `${n} more handles wait in the ready queue`;
}

/** The sentence for `ev`, given the state right after it. */
export function narrate(ev: TraceEvent, state: LoopState): string {
  switch (ev.kind) {
    case 'loop':
      switch (ev.action) {
        case 'create': return 'asyncio creates a new event loop.';
        case 'run_until_complete': return 'The loop is asked to run until the main coroutine completes.';
        case 'run_forever': return 'The loop starts turning: each iteration runs the callbacks that are ready.';
        case 'stop': return 'The loop stops turning after this iteration.';
        case 'close': return 'The loop is closed.';
        default: return assertUnreachable(ev.action);
      }
    case 'task-created': {
      if (ev.internal) return `asyncio creates ${ev.id} for its own clean-up (${ev.coro}).`;
      const creator = ev.parent ?? 'The program';
      return `${creator} creates ${ev.id} to run ${ev.coro}(); it has not started yet.`;
    }
    case 'schedule': {
      if (ev.queue === 'timer') {
        return `“${ev.label}” goes into the timer heap, due at t=${formatSeconds(ev.when ?? ev.t)} (${ev.cause}).`;
      }
      const position = state.readyQueue.length;
      if (ev.cause.startsWith('timer due')) {
        return `A timer comes due at t=${formatSeconds(ev.t)}: “${ev.label}” moves from the timer heap to the ready queue.`;
      }
      if (ev.target !== null && ev.cause.includes('→ wake')) {
        return `${ev.target} wakes up (${ev.cause.split(' → ')[0]}) and joins the ready queue at position ${position}.`;
      }
      return `“${ev.label}” joins the ready queue at position ${position} (${ev.cause}).`;
    }
    case 'callback':
      return `The loop takes the next handle from the ready queue and runs it: “${ev.label}”; ${queueTail(state)}.`;
    case 'resume': {
      if (ev.exc !== null) return `${ev.id} resumes with ${ev.exc} raised at its await.`;
      if (ev.by === null) {
        const coro = state.tasks.get(ev.id)?.coro;
        return coro ? `${ev.id} starts running ${coro}().` : `${ev.id} runs again.`;
      }
      return `${ev.id} resumes: ${ev.by} gave ${ev.value ?? 'None'}.`;
    }
    case 'suspend':
      if (ev.awaits.startsWith('yield')) return `${ev.id} yields to the loop and goes to the back of the ready queue.`;
      return `${ev.id} awaits ${ev.awaits} and hands control back to the loop.`;
    case 'task-done':
      if (ev.state === 'done') return `${ev.id} finished and returned ${ev.result ?? 'None'}.`;
      if (ev.state === 'failed') return `${ev.id} failed with ${ev.exc ?? 'an exception'}.`;
      return `${ev.id} was cancelled.`;
    case 'future-created': return `${ev.fut} is created.`;
    case 'future-resolved': return `${ev.fut} gets its result: ${ev.value ?? 'None'}.`;
    case 'future-cancelled': return `${ev.fut} is cancelled.`;
    case 'cancel': {
      const by = ev.by ?? 'asyncio';
      const msg = ev.msg ? ` (“${ev.msg}”)` : '';
      return `${by} cancels ${ev.id}${msg}: it will get CancelledError when it next runs.`;
    }
    case 'clock':
      return `Nothing is ready, so the loop jumps the virtual clock from ${formatSeconds(ev.from)} s to ${formatSeconds(ev.to)} s, when the next timer is due.`;
    case 'blocked':
      return `${ev.call} blocks the whole loop for ${formatSeconds(ev.dur)} s: no other task can run meanwhile.`;
    case 'io':
      return ev.phase === 'start'
        ? `Simulated I/O starts: ${ev.what}${ev.dur !== null ? ` (${formatSeconds(ev.dur)} s)` : ''}.`
        : `Simulated I/O completes: ${ev.what}.`;
    case 'unschedule':
      return `${who(ev.by)} cancels handle #${ev.handle}; it leaves the ${ev.queue === 'timer' ? 'timer heap' : 'ready queue'}.`;
    case 'output':
      return ev.stream === 'stdout'
        ? `${who(ev.task)} prints ${quoteOutput(ev.text)}.`
        : `${who(ev.task)} writes to stderr: ${quoteOutput(ev.text)}.`;
    case 'warning':
      return ev.legacy ? `Legacy API: ${ev.message}` : `${ev.category}: ${ev.message}`;
    case 'error':
      return `The program raised ${ev.excType}: ${ev.message}${ev.line !== null ? ` (line ${ev.line})` : ''}.`;
    case 'line':
      return ev.task ? `${ev.task} runs line ${ev.line}.` : `Top-level code runs line ${ev.line}.`;
    case 'end':
      switch (ev.status) {
        case 'finished': return `The program finished (exit code ${ev.exitCode}).`;
        case 'raised': return `The program ended with an uncaught exception: ${ev.message}.`;
        case 'syntax-error': return `Python could not compile the program: ${ev.message}.`;
        default: return ev.message || `The run ended: ${ev.status}.`;
      }
    default:
      return assertUnreachable(ev);
  }
}
