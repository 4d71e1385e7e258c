import { useEffect } from 'react';
import { useT } from '../../i18n';
import { goToMark, useMarks } from './useMarks';

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('.monaco-editor') !== null || target.matches('input, textarea, select, [contenteditable="true"]');
}

// M / Shift+M, beside the app's other stepping keys (which live in ui/keyboard.ts).
function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingInto(e.target)) return;
  if (e.key !== 'm' && e.key !== 'M') return;
  if (goToMark(e.shiftKey ? -1 : 1)) e.preventDefault();
}

/** "Next mark" beside the scrubber, when the run has marked steps; owns the M keys. */
export function MarkButton() {
  const marks = useMarks();
  const t = useT();
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  if (marks.length === 0) return null;
  return (
    <button type="button" className="mark-next" data-testid="next-mark" onClick={() => goToMark(1)} title={t('marks.hint')}>
      <span aria-hidden="true">◆</span> {t('marks.next')}
    </button>
  );
}
