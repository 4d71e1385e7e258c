/**
 * Keyboard first: ←/→ step, Shift+←/→ by callback, PageDown/PageUp step (a presenter's
 * clicker sends those), Home/End, Space play/pause, Ctrl+Enter run, P presentation mode,
 * ? the shortcut sheet (presentation/ShortcutSheet lists them all). Keys typed into the
 * editor or a form field stay theirs; while the sheet is open, only it takes keys.
 */
import { useEffect } from 'react';
import { runProgram, stepBack, stepForward, toEnd, togglePlayback, toStart, useApp } from '../store';
import { openShortcuts, togglePresentation, usePrefs } from './presentation/prefs';

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor')) return true;
  return target.matches('input, textarea, select, [contenteditable="true"]');
}

function onKeyDown(e: KeyboardEvent): void {
  // Already handled, e.g. Ctrl+Enter by the editor's own command.
  if (e.defaultPrevented) return;
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    runProgram();
    return;
  }
  // The modal sheet handles its own Esc and Tab.
  if (usePrefs.getState().shortcutsOpen) return;
  if (e.altKey || e.ctrlKey || e.metaKey || typingInto(e.target)) return;
  switch (e.key) {
    case 'ArrowRight':
      stepForward(e.shiftKey ? 'callback' : undefined);
      break;
    case 'ArrowLeft':
      stepBack(e.shiftKey ? 'callback' : undefined);
      break;
    case 'PageDown':
      stepForward();
      break;
    case 'PageUp':
      stepBack();
      break;
    case 'p':
    case 'P':
      // An embed is sized by its page; presentation mode is the full app's.
      if (e.repeat || useApp.getState().embed !== null) return;
      togglePresentation();
      break;
    case '?':
      openShortcuts(true);
      break;
    case 'Home':
      toStart();
      break;
    case 'End':
      toEnd();
      break;
    case ' ':
      if (e.repeat) break;
      togglePlayback();
      break;
    default:
      return;
  }
  e.preventDefault();
}

// A focused button would also "click" on Space's keyup: Space belongs to play/pause.
function onKeyUp(e: KeyboardEvent): void {
  if (e.key === ' ' && e.target instanceof HTMLButtonElement) e.preventDefault();
}

export function useKeyboard(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}
