/**
 * Keyboard first: ←/→ step, Shift+←/→ by callback, Home/End, Space play/pause,
 * Ctrl+Enter run. Keys typed into the editor or a form field stay theirs.
 */
import { useEffect } from 'react';
import { runProgram, stepBack, stepForward, toEnd, togglePlayback, toStart } from '../store';

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
  if (e.altKey || e.ctrlKey || e.metaKey || typingInto(e.target)) return;
  switch (e.key) {
    case 'ArrowRight':
      stepForward(e.shiftKey ? 'callback' : undefined);
      break;
    case 'ArrowLeft':
      stepBack(e.shiftKey ? 'callback' : undefined);
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
