/** The program the editor holds on a first visit: the gallery's first lesson. */
import { DEFAULT_EXAMPLE_ID, exampleById } from '../examples';

export const DEFAULT_EXAMPLE: string = exampleById(DEFAULT_EXAMPLE_ID)!.source;
