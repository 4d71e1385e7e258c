/** The program the editor holds on a first visit. */
import cafe from '../examples/py/cafe.py?raw';

export const DEFAULT_EXAMPLE: string = cafe;
