/**
 * The timeline on screen, for the export menu: its SVG and PNG show the lanes and zoom
 * the user sees, which only the mounted view knows.
 */
import type { TimelineView } from '../../viz/timeline';

let shown: TimelineView | null = null;

export function setShownTimeline(view: TimelineView | null): void {
  shown = view;
}

export function shownTimeline(): TimelineView | null {
  return shown;
}
