/**
 * Monaco, bundled from the npm package (no CDN) and loaded lazily by EditorPanel: the
 * core API, the editing features people expect, Python highlighting, and the editor
 * worker through Vite's `?worker` import.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/features/find/register';
import 'monaco-editor/languages/definitions/python/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { Badge, Marker } from './decorations';
import { monacoTheme, onLookChange } from '../presentation/theme';
import { createOverlays } from './overlays';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export interface EditorCallbacks {
  onChange(text: string): void;
  onRun(): void;
  onGutterClick(line: number): void;
}

export interface EditorHandle {
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  setText(text: string): void;
  setBreakpoints(make: (lineCount: number) => monaco.editor.IModelDeltaDecoration[]): void;
  setMarkers(markers: readonly Marker[]): void;
  /** Highlights the current step's line in a task's colour (null: none). */
  setCurrentLine(current: { line: number; colour: string } | null): void;
  setBadges(byLine: ReadonlyMap<number, readonly Badge[]>): void;
  reveal(line: number): void;
  setFontSize(px: number): void;
  dispose(): void;
}

const GUTTER_TARGETS = new Set([
  monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN,
  monaco.editor.MouseTargetType.GUTTER_LINE_DECORATIONS,
]);

/** `readOnly`: an embed shows the program without letting a reader change it. */
export function createEditor(host: HTMLElement, text: string, fontSize: number, callbacks: EditorCallbacks, readOnly = false): EditorHandle {
  const editor = monaco.editor.create(host, {
    value: text,
    language: 'python',
    theme: monacoTheme(),
    fontSize,
    fontFamily: getComputedStyle(document.body).getPropertyValue('--font-code'),
    automaticLayout: true,
    glyphMargin: true,
    folding: false,
    lineNumbersMinChars: 3,
    lineDecorationsWidth: 12,
    minimap: { enabled: false },
    overviewRulerLanes: 0,
    overviewRulerBorder: false,
    hideCursorInOverviewRuler: true,
    scrollBeyondLastLine: false,
    renderLineHighlight: 'none',
    tabSize: 4,
    insertSpaces: true,
    ariaLabel: 'Program (Python). Ctrl+Enter runs it; Escape leaves the editor.',
    readOnly,
    domReadOnly: readOnly,
  });
  const model = editor.getModel()!;
  const breakpoints = editor.createDecorationsCollection();
  let breakpointsKey = '';
  let flash = editor.createDecorationsCollection();
  const overlays = createOverlays(host, editor, monaco.editor.EditorOption.lineHeight);
  const stopFollowingLook = onLookChange(() => monaco.editor.setTheme(monacoTheme()));
  // Stepping follows the program as a debugger does: a current line out of sight comes to
  // the middle, one cut by the editor's edge scrolls just into view. Checked by arithmetic,
  // not by asking Monaco to reveal, which would cost a pass through its view on every step.
  // Before the editor is laid out (it is created hidden) there is nothing to measure: the
  // line is followed again once it is.
  let followed: number | null = null;
  const follow = (line: number) => {
    followed = line;
    const lineHeight = editor.getOption(monaco.editor.EditorOption.lineHeight);
    const { height, horizontalScrollbarHeight, contentWidth } = editor.getLayoutInfo();
    // The horizontal scrollbar covers the last line only when it is shown (a line too wide).
    const room = height - (editor.getScrollWidth() > contentWidth ? horizontalScrollbarHeight : 0);
    if (room < 2 * lineHeight) return;
    const top = editor.getTopForLineNumber(line) - editor.getScrollTop();
    if (top + lineHeight <= 0 || top >= room) editor.revealLineInCenter(line);
    else if (top < 0 || top + lineHeight > room) editor.revealLine(line);  // cut by an edge: the least scroll
  };
  editor.onDidLayoutChange(() => { if (followed !== null) follow(followed); });

  editor.onDidChangeModelContent(() => callbacks.onChange(model.getValue()));
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.onRun());
  // Escape hands the keyboard back to the stepping keys.
  editor.addCommand(monaco.KeyCode.Escape, () => (document.activeElement as HTMLElement | null)?.blur(),
    '!suggestWidgetVisible && !findWidgetVisible');
  editor.onMouseDown((e) => {
    const line = e.target.position?.lineNumber;
    if (line !== undefined && GUTTER_TARGETS.has(e.target.type)) callbacks.onGutterClick(line);
  });

  return {
    editor,
    setText(next) {
      if (next !== model.getValue()) model.setValue(next);
    },
    setBreakpoints(make) {
      const next = make(model.getLineCount());
      // Any decoration change re-renders every visible line: skip when nothing changed.
      const key = JSON.stringify(next);
      if (key === breakpointsKey) return;
      breakpointsKey = key;
      breakpoints.set(next);
    },
    setMarkers(markers) {
      monaco.editor.setModelMarkers(model, 'loopscope', markers.map((m) => ({
        startLineNumber: m.line, endLineNumber: m.line, startColumn: 1, endColumn: model.getLineMaxColumn(Math.min(m.line, model.getLineCount())),
        message: m.message,
        severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      })));
    },
    reveal(line) {
      editor.revealLineInCenterIfOutsideViewport(line);
      flash.clear();
      flash = editor.createDecorationsCollection([{ range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'reveal-flash' } }]);
      setTimeout(() => flash.clear(), 1200);
    },
    setCurrentLine(current) {
      overlays.setCurrentLine(current);
      if (current) follow(current.line);
      else followed = null;
    },
    setBadges(byLine) {
      overlays.setBadges(byLine);
    },
    setFontSize(px) {
      editor.updateOptions({ fontSize: px });
    },
    dispose() {
      stopFollowingLook();
      overlays.dispose();
      editor.dispose();
    },
  };
}
