import { describe, expect, it } from 'vitest';
import type { TaskView } from '../../model';
import { placeByCreator } from './placeByCreator';

const task = (id: string, parent: string | null, internal = false) =>
  ({ record: { id, parent, internal } }) as unknown as TaskView;
const order = (tasks: TaskView[]) => placeByCreator(tasks).map(({ view, depth }) => `${view.record.id}@${depth}`);

describe('placeByCreator', () => {
  it('puts children under their creator, in creation order, and skips internal tasks', () => {
    expect(order([
      task('runner', null, true), task('main', 'runner'), task('a', 'main'), task('b', 'main'),
      task('a1', 'a'), task('other', null),
    ])).toEqual(['main@0', 'a@1', 'a1@2', 'b@1', 'other@0']);
  });

  it('places a chain of 100,000 tasks, each created by the one before', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => task(`Task-${i + 1}`, i === 0 ? null : `Task-${i}`));
    const placed = placeByCreator(chain);
    expect(placed).toHaveLength(100_000);
    expect(placed.at(-1)).toMatchObject({ depth: 99_999, view: { record: { id: 'Task-100000' } } });
  });
});
