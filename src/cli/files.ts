/** Reading what a command names on its command line: the program and the network settings. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NetworkSettings } from '../trace/schema';

export function readProgram(file: string): { source: string; filename: string } {
  if (file === '-') return { source: readFileSync(0, 'utf8'), filename: '<stdin>' };
  // CPython reports the main script by its absolute path.
  return { source: readFileSync(file, 'utf8'), filename: resolve(file) };
}

export function readNetwork(path: string): NetworkSettings {
  const settings: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new Error('the network settings must be a JSON object');
  }
  // The engine checks each field and says which one is wrong (a `network` warning).
  return settings as NetworkSettings;
}
