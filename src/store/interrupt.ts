/**
 * Ctrl+C at the step on screen: the tutorials' KeyboardInterrupt examples need one in
 * the middle of a run. The program runs again from the start with a Ctrl+C at this
 * step's virtual time, and the cursor lands where SIGINT reaches the program.
 */
import { runProgram } from './engine';
import { getApp } from './store';

/** Runs the editor's program again with a Ctrl+C at the cursor's virtual time. */
export function interruptAtCursor(): number | null {
  const { running, snapshot } = getApp();
  if (running) return null;
  return runProgram({ interruptAt: snapshot.t });
}
