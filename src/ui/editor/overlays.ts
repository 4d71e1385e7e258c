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
  const badgeRows = new Map<number, { element: HTMLElement; key: string }>();

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

  // Style writes only where a value changed: a step leaves most rows where they are.
  const setStyle = (el: HTMLElement, name: 'transform' | 'height' | 'left' | 'width', value: string) => {
    if (el.style[name] !== value) el.style[name] = value;
  };
  const setHidden = (el: HTMLElement, hidden: boolean) => {
    if (el.hidden !== hidden) el.hidden = hidden;
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
    const bandShown = bandTop !== null && visible(bandTop);
    // Out of sight, the band moves above the overlay (which clips it) rather than leave
    // the page: a moved layer is a compositor update, a removed one a new layer tree.
    setStyle(band, 'transform', `translateY(${bandShown ? bandTop : -2 * lineHeight}px)`);
    if (current) band.className = `current-line ${current.colour}`;
    setStyle(band, 'height', `${lineHeight}px`);
    setStyle(band, 'left', `${layout.decorationsLeft}px`);
    setStyle(band, 'width', `${layout.width - layout.decorationsLeft - layout.verticalScrollbarWidth}px`);

    for (const [line, row] of badgeRows) {
      const top = editor.getTopForLineNumber(line) - scrollTop;
      const end = visible(top) ? lineEnd(line) : null;
      setHidden(row.element, end === null);
      if (end !== null) {
        setStyle(row.element, 'transform', `translate(${layout.contentLeft + end - scrollLeft}px, ${top}px)`);
        setStyle(row.element, 'height', `${lineHeight}px`);
      }
    }
  };

  // Rows are kept by line and refilled only when their badges changed: a step that parks
  // or wakes one task rewrites one row, not all of them.
  const updateBadges = () => {
    for (const [line, row] of badgeRows) {
      if (badges.has(line)) continue;
      row.element.remove();
      badgeRows.delete(line);
    }
    for (const [line, list] of badges) {
      const key = JSON.stringify(list);
      let row = badgeRows.get(line);
      if (row?.key === key) continue;
      if (!row) {
        const element = document.createElement('div');
        element.className = 'badge-row';
        layer.append(element);
        row = { element, key };
        badgeRows.set(line, row);
      }
      row.key = key;
      row.element.replaceChildren(...list.map((badge) => {
        const el = document.createElement('span');
        el.className = badge.className;
        el.textContent = badge.text;
        el.title = badge.title;
        return el;
      }));
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
      updateBadges();
      place();
    },
    dispose() {
      cancelAnimationFrame(pending);
      for (const listener of listeners) listener.dispose();
      layer.remove();
    },
  };
}
