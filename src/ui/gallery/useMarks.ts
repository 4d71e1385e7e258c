/**
 * The marked steps of the run on screen: its example's rules (when the program is a
 * gallery example, however it was opened) evaluated on the trace as it streams in.
 */
import { useMemo } from 'react';
import { findMarks, mistakesSoFar, nextMark, type FoundMark, type Mistake } from '../../model';
import type { Localized } from '../../i18n';
import { getApp, seek, useApp } from '../../store';
import { exampleOfRun } from './openExample';

export interface ShownMark extends FoundMark {
  readonly label: Localized;
}

function marksNow(): ShownMark[] {
  const { trace, runSource } = getApp();
  const example = exampleOfRun(runSource);
  if (!example) return [];
  const rules = example.marks.map((m) => m.rule);
  return findMarks(trace.events, rules).map((m) => ({ ...m, label: example.marks[m.rule].label }));
}

export function useMarks(): ShownMark[] {
  const trace = useApp((s) => s.trace);
  const length = useApp((s) => s.traceLength);
  const runSource = useApp((s) => s.runSource);
  // The trace grows in place: its length (and a new run) is what changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => marksNow(), [trace, length, runSource]);
}

export function useMistakes(): readonly Mistake[] {
  const trace = useApp((s) => s.trace);
  const length = useApp((s) => s.traceLength);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the trace grows in place: its length is the change
  return useMemo(() => mistakesSoFar(trace.events), [trace, length]);
}

/** M / Shift+M: the next or previous marked step. Returns whether there was one. */
export function goToMark(direction: 1 | -1): boolean {
  const target = nextMark(marksNow(), getApp().cursor, direction);
  if (target) seek(target.cursor);
  return target !== null;
}
