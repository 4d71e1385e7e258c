import { describe, expect, it } from 'vitest';
import type { LoopSnapshot, TaskState, TaskView } from '../model';
import { taskColours } from './colours';

const view = (id: string, order: number, state: TaskState = 'suspended') =>
  ({ record: { id, order }, state }) as unknown as TaskView;
const snapshotOf = (tasks: TaskView[]) => ({ tasks }) as unknown as LoopSnapshot;

describe('taskColours', () => {
  it('colours each task by its order, and anything else as no task', () => {
    const colourOf = taskColours(snapshotOf([view('Task-1', 0), view('Task-2', 9)]));
    expect(colourOf('Task-1')).toBe('task-colour-0');
    expect(colourOf('Task-2')).toBe('task-colour-1');
    expect(colourOf(null)).toBe('task-colour-none');
    expect(colourOf('Task-3')).toBe('task-colour-none');
  });

  it('is the same lookup after a step that only changed a task state, a new one when a task appears', () => {
    const before = taskColours(snapshotOf([view('Task-1', 0), view('Task-2', 1)]));
    const stepped = taskColours(snapshotOf([view('Task-1', 0, 'running'), view('Task-2', 1)]));
    expect(stepped).toBe(before);
    const grown = taskColours(snapshotOf([view('Task-1', 0), view('Task-2', 1), view('Task-3', 2)]));
    expect(grown).not.toBe(before);
    expect(grown('Task-3')).toBe('task-colour-2');
  });
});
