import { useEffect, useRef, useState } from 'react';
import { restorePreviousSource, runProgram, setSource, toggleBreakpoint, useApp } from '../../store';
import { useLocale, useT } from '../../i18n';
import { breakpointDecorations, currentLine, parkedBadges, problemMarkers } from './decorations';
import type { EditorHandle } from './monaco';
import { FoldButton } from '../layout/Pane';
import './editor.css';

function editorFontSize(): number {
  return Math.round(parseFloat(getComputedStyle(document.body).fontSize) || 15);
}

/**
 * Calls `then` once the browser reports the page's first contentful paint, or after
 * `fallbackMs` where it reports none (a page opened in a background tab paints late).
 * Returns a function that cancels the wait.
 */
function afterFirstPaint(then: () => void, fallbackMs = 1500): () => void {
  let observer: PerformanceObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => { observer?.disconnect(); clearTimeout(timer); };
  const go = () => { stop(); then(); };
  if (performance.getEntriesByName('first-contentful-paint').length > 0) {
    timer = setTimeout(go, 0);
    return stop;
  }
  timer = setTimeout(go, fallbackMs);
  if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) go();
    });
    observer.observe({ type: 'paint', buffered: true });
  }
  return stop;
}

/** Until Monaco arrives (a few MB), a plain text area keeps the page usable. */
function FallbackEditor({ readOnly }: { readOnly: boolean }) {
  const source = useApp((s) => s.source);
  const t = useT();
  return (
    <textarea className="fallback-editor" aria-label={t('editor.aria')} spellCheck={false} value={source} readOnly={readOnly}
      onChange={(e) => setSource(e.target.value)}
      onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runProgram(); } }} />
  );
}

/** Keeps Monaco in step with the store without re-rendering React on every step. */
function useEditorSync(handle: EditorHandle | null): void {
  useEffect(() => {
    if (!handle) return;
    const paintBreakpoints = () => {
      const { breakpoints } = useApp.getState();
      handle.setBreakpoints((lineCount) => breakpointDecorations(breakpoints, lineCount));
    };
    const paintStep = (badgesToo: boolean) => {
      const { snapshot } = useApp.getState();
      handle.setCurrentLine(currentLine(snapshot));
      if (badgesToo) handle.setBadges(parkedBadges(snapshot));
    };
    const paint = () => {
      paintBreakpoints();
      paintStep(true);
    };
    paint();
    handle.setMarkers(problemMarkers(useApp.getState().trace.problems));
    const onResize = () => handle.setFontSize(editorFontSize());
    window.addEventListener('resize', onResize);
    const unsubscribe = useApp.subscribe((state, previous) => {
      if (state.source !== previous.source) handle.setText(state.source);
      // A step moves the band; the badges change only with the tasks (the same list when
      // no task changed), the breakpoints only when someone toggles one.
      if (state.source !== previous.source) paint();
      else {
        if (state.breakpoints !== previous.breakpoints) paintBreakpoints();
        if (state.snapshot !== previous.snapshot) paintStep(state.snapshot.tasks !== previous.snapshot.tasks);
      }
      if (state.trace !== previous.trace || state.traceLength !== previous.traceLength) handle.setMarkers(problemMarkers(state.trace.problems));
      if (state.reveal && state.reveal !== previous.reveal) handle.reveal(state.reveal.line);
    });
    // Badges, hovers and markers are worded when drawn: a new language draws them again.
    const stopFollowingLanguage = useLocale.subscribe(() => {
      paint();
      handle.setMarkers(problemMarkers(useApp.getState().trace.problems));
    });
    return () => {
      unsubscribe();
      stopFollowingLanguage();
      window.removeEventListener('resize', onResize);
    };
  }, [handle]);
}

export function EditorPanel() {
  const host = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<EditorHandle | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const breakpointCount = useApp((s) => s.breakpoints.length);
  const readOnly = useApp((s) => s.embed !== null);
  const hasPrevious = useApp((s) => s.previousSource !== null);
  const t = useT();

  useEffect(() => {
    let created: EditorHandle | null = null;
    let cancelled = false;
    const load = () => import('./monaco').then(({ createEditor }) => {
      if (cancelled || !host.current) return;
      created = createEditor(host.current, useApp.getState().source, editorFontSize(), {
        onChange: setSource,
        onRun: () => runProgram(),
        onGutterClick: toggleBreakpoint,
      }, useApp.getState().embed !== null);
      setHandle(created);
    }, (err: unknown) => setLoadError(String(err)));
    // Monaco (~840 KiB gzipped) is asked for once the page's first contentful paint is
    // reported: the page's own script and the program's text come first. Started from the
    // effect itself, the request went out before that paint (bench-load counted 980 KiB
    // before it, not 170); one frame later was not enough on a busy machine either.
    const stopWaiting = afterFirstPaint(() => void load());
    return () => {
      stopWaiting();
      cancelled = true;
      created?.dispose();
      setHandle(null);
    };
  }, []);
  useEditorSync(handle);

  return (
    <section className="panel editor-panel" aria-label={t('editor.title')}>
      <header className="panel-head">
        <FoldButton />
        <h2>main.py</h2>
        <span className="panel-note">
          {readOnly ? t('editor.readOnly') : <>
            {breakpointCount === 0 ? '' : breakpointCount === 1 ? t('editor.breakpoint') : t('editor.breakpoints', { n: breakpointCount })}
            {t('editor.note')}
          </>}
        </span>
        {!readOnly && hasPrevious && (
          <button type="button" className="restore-previous" data-testid="editor-restore-previous" onClick={restorePreviousSource}
            title={t('editor.previousHint')}>
            {t('editor.previous')}
          </button>
        )}
      </header>
      <div className="editor-body">
        <div className="monaco-host" ref={host} data-testid="editor" hidden={handle === null} />
        {handle === null && <FallbackEditor readOnly={readOnly} />}
        {loadError && <p className="editor-error" role="alert">{t('editor.loadError', { error: loadError })}</p>}
      </div>
    </section>
  );
}
