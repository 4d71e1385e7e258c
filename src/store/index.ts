/** src/store: the one zustand store and the actions that change it. */
export { useApp, getApp, initialAppState, type AppState } from './store';
export { connectEngine, disconnectEngine, runProgram, stopProgram, type EngineFactory, type EngineHandle } from './engine';
export { seek, step, stepForward, stepBack, toStart, toEnd, runToBreakpoint, setGranularity } from './cursor';
export { startPlayback, pausePlayback, togglePlayback, setSpeed, SPEEDS } from './playback';
export { initEditor, setSource, toggleBreakpoint, focusTask, revealLine, SOURCE_KEY, type TextStorage } from './editor';
export { encodeSource, decodeSource, sourceFromHash } from './permalink';
export { keepPrevious, restorePreviousSource } from './editor';
export { openLink, openScenario, currentPermalink, shareUrl, dismissLinkNotice, embedFromSearch } from './link';
export { stepBounds } from './cursor';
export { loadTraceFile, traceFileOfRun } from './traceFile';
export { interruptAtCursor } from './interrupt';
export { interruptStep } from './engine';
export { canContinue, continueRun, largerBudgets } from './continueRun';
