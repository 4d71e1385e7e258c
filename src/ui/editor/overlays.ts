/**
 * What changes at every step, drawn over Monaco by us: the current-line band and the
 * parked-task badges. Moving them costs a few style changes, never a Monaco re-render.
 */
import type * as monaco from 'monaco-editor/editor/editor.api';
import type { Badge } from './decorations';

type Editor = monaco.editor.IStandaloneCodeEditor;

export interface Overlays {
  setCurrentLine(current: { line: number; colour: string } | null): void;
  setBadges(byLine: ReadonlyMap<number, readonly Badge[]>): void;
  dispose(): void;
}

export function createOverlays(host: HTMLElement, editor: Editor, lineHeightOption: number): Overlays {
  const layer = document.createElement('div');
  layer.className = 'editor-overlays';
  host.append(layer);
  const band = document.createElement('div');
  band.className = 'current-line';
  layer.append(band);
  const badgeRows = new Map<number, HTMLElement>();

  let current: { line: number; colour: string } | null = null;
  let badges: ReadonlyMap<number, readonly Badge[]> = new Map();
  let badgesKey = '';
  // Where each line's text ends, in content pixels; fixed while only the step changes.
  const lineEnds = new Map<number, number>();

  const lineEnd = (line: number): number | null => {
    const model = editor.getModel();
    if (!model || line > model.getLineCount()) return null;
    let x = lineEnds.get(line);
    if (x === undefined) {
      x = editor.getOffsetForColumn(line, model.getLineMaxColumn(line));
      // -1: the line is not rendered (scrolled away); measure again when it is.
      if (x < 0) return null;
      lineEnds.set(line, x);
    }
    return x;
  };

  const place = () => {
    const model = editor.getModel();
    const layout = editor.getLayoutInfo();
    const lineHeight = editor.getOption(lineHeightOption) as number;
    const scrollTop = editor.getScrollTop();
    const scrollLeft = editor.getScrollLeft();
    const visible = (top: number) => top > -lineHeight && top < layout.height;

    const bandTop = current && model && current.line <= model.getLineCount()
      ? editor.getTopForLineNumber(current.line) - scrollTop : null;
    band.hidden = bandTop === null || !visible(bandTop);
    if (current && bandTop !== null) {
      band.className = `current-line ${current.colour}`;
      band.style.transform = `translateY(${bandTop}px)`;
      band.style.height = `${lineHeight}px`;
      band.style.left = `${layout.decorationsLeft}px`;
      band.style.width = `${layout.width - layout.decorationsLeft - layout.verticalScrollbarWidth}px`;
    }

    for (const [line, row] of badgeRows) {
      const top = editor.getTopForLineNumber(line) - scrollTop;
      const end = visible(top) ? lineEnd(line) : null;
      row.hidden = end === null;
      if (end !== null) {
        row.style.transform = `translate(${layout.contentLeft + end - scrollLeft}px, ${top}px)`;
        row.style.height = `${lineHeight}px`;
      }
    }
  };

  const rebuildBadges = () => {
    for (const row of badgeRows.values()) row.remove();
    badgeRows.clear();
    for (const [line, list] of badges) {
      const row = document.createElement('div');
      row.className = 'badge-row';
      for (const badge of list) {
        const el = document.createElement('span');
        el.className = badge.className;
        el.textContent = badge.text;
        el.title = badge.title;
        row.append(el);
      }
      layer.append(row);
      badgeRows.set(line, row);
    }
  };

  // After an edit or a resize Monaco redraws in its next frame; measure once it has.
  let pending = 0;
  const remeasure = () => {
    lineEnds.clear();
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(place);
  };
  const listeners = [
    editor.onDidScrollChange(place),
    editor.onDidLayoutChange(remeasure),
    editor.onDidChangeModelContent(remeasure),
    editor.onDidChangeConfiguration(remeasure),
  ];

  return {
    setCurrentLine(next) {
      current = next;
      place();
    },
    setBadges(next) {
      const key = JSON.stringify([...next]);
      if (key === badgesKey) return;
      badgesKey = key;
      badges = next;
      rebuildBadges();
      place();
    },
    dispose() {
      cancelAnimationFrame(pending);
      for (const listener of listeners) listener.dispose();
      layer.remove();
    },
  };
}
