/** src/model: pure derivation of what the loop holds at any step of a trace. */
export { Trace, CHECKPOINT_INTERVAL, type ConsoleLine, type Problem } from './trace';
export { snapshotAt, viewOf, type LoopSnapshot, type TaskState, type TaskView, type TimerView } from './snapshot';
export { stepTarget, nextBreakpoint, GRANULARITIES, type Granularity } from './stepping';
export { formatClock, formatSeconds, quoteOutput } from './format';
export type { IoItem, ReadyItem, RunningNow, TaskRecord, TimerItem } from './state';
export { narrate, NOTHING_YET, type Narration, type NarrationKey } from './narrate';
export {
  blockingCall, endReason, handleLabel, ioDescription, limitReason, scheduleCause, waitDescription, warningCategory,
  type LoopWordsKey,
} from './loopWords';
export { phrase, type Phrase, type PhraseParam, type Wording } from './phrase';
export { linkReason, type LinkWordsKey } from './linkWords';
export { findMarks, nextMark, type FoundMark, type MarkRule } from './marks';
export { limitKind, type LimitKind } from './limitKind';
export { findMistakes, mistakesSoFar, type Mistake, type MistakeKind } from './mistakes';
