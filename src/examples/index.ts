/** The gallery: our own example programs, in the order a lesson would take them. */
import { BASICS } from './lessonsBasics';
import { COORDINATION } from './lessonsCoordination';
import type { Example } from './types';
import { WORLD } from './lessonsWorld';

export type { Example, ExampleMark } from './types';

export const EXAMPLES: readonly Example[] = [...BASICS, ...COORDINATION, ...WORLD];

/** The program a first visit opens with. */
export const DEFAULT_EXAMPLE_ID = 'cafe';

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((example) => example.id === id);
}
