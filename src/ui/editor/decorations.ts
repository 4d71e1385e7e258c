/**
 * What the editor shows for a step, as plain data (no Monaco at runtime): the current
 * line in the running task's colour, a badge where each waiting task is parked, the
 * breakpoints, and markers for warnings and errors.
 *
 * Only breakpoints are Monaco decorations. Monaco re-renders every visible line on any
 * decoration change, so what changes at each step is drawn in overlays (overlays.ts).
 */
import type { editor } from 'monaco-editor/editor/editor.api';
import { t } from '../../i18n';
import { waitDescription, type LoopSnapshot, type Problem } from '../../model';
import { colourClass } from '../colours';

export function breakpointDecorations(breakpoints: readonly number[], lineCount: number): editor.IModelDeltaDecoration[] {
  return breakpoints.filter((line) => line >= 1 && line <= lineCount).map((line) => ({
    range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 },
    options: { glyphMarginClassName: 'bp-glyph', glyphMarginHoverMessage: { value: t('editor.breakpointHint') }, stickiness: 1 },
  }));
}

/** The line the current step ran and the colour class of the task that ran it. */
export function currentLine(snapshot: LoopSnapshot): { line: number; colour: string } | null {
  const current = snapshot.currentLine;
  if (!current) return null;
  const task = current.task === null ? undefined : snapshot.tasks.find((x) => x.record.id === current.task);
  return { line: current.line, colour: colourClass(task?.record.order) };
}

export interface Badge {
  text: string;
  className: string;
  title: string;
}

// A thousand tasks parked on one line would be a thousand badges: show a few and a count.
const MAX_BADGES_PER_LINE = 4;

/** Badges by line: each task waiting (suspended, or woken but not yet run) where it is parked. */
export function parkedBadges(snapshot: LoopSnapshot): Map<number, Badge[]> {
  const byLine = new Map<number, Badge[]>();
  for (const { record, state } of snapshot.tasks) {
    if (record.internal || (state !== 'suspended' && state !== 'ready') || record.parkedLine === null) continue;
    const badges = byLine.get(record.parkedLine) ?? [];
    badges.push({
      text: `${state === 'ready' ? '➜' : '‖'} ${record.id}`,
      className: `parked-badge state-${state} ${colourClass(record.order)}`,
      title: t(state === 'ready' ? 'editor.parkedReady' : 'editor.parkedSuspended', {
        id: record.id, awaits: record.awaits === null ? '…' : waitDescription(record.awaits),
      }),
    });
    byLine.set(record.parkedLine, badges);
  }
  for (const [line, badges] of byLine) {
    if (badges.length <= MAX_BADGES_PER_LINE) continue;
    const hidden = badges.length - (MAX_BADGES_PER_LINE - 1);
    byLine.set(line, [
      ...badges.slice(0, MAX_BADGES_PER_LINE - 1),
      { text: t('editor.moreBadges', { n: hidden }), className: 'parked-badge more task-colour-none', title: t('editor.moreBadgesHint', { n: hidden }) },
    ]);
  }
  return byLine;
}

export interface Marker {
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

/** Markers for the whole run: a traceback's innermost program line, each warning's line. */
export function problemMarkers(problems: readonly Problem[]): Marker[] {
  const markers: Marker[] = [];
  for (const problem of problems) {
    const userFrames = problem.frames.filter((f) => f.user);
    const line = problem.line ?? userFrames.at(-1)?.line ?? null;
    if (line === null) continue;
    markers.push({
      line,
      severity: problem.kind,
      message: problem.kind === 'error' ? `${problem.title}: ${problem.message}` : problem.legacy ? t('editor.legacy', { message: problem.message }) : problem.message,
    });
  }
  return markers;
}
