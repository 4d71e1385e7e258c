// ESLint flat config. Besides the recommended rules it enforces the layering of
// DESIGN.md §5 — imports point one way: base ← trace ← engine | model ← store ← viz ← ui.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const LAYERS = ['base', 'trace', 'engine', 'model', 'store', 'viz', 'ui', 'cli', 'examples', 'i18n'];

/** What each folder of src/ may import from the other folders of src/. */
const ALLOWED = {
  base: [],
  trace: ['base'],
  engine: ['base', 'trace'],
  model: ['base', 'trace'],
  store: ['base', 'trace', 'engine', 'model'],
  viz: ['base', 'trace', 'model'],
  ui: ['base', 'trace', 'engine', 'model', 'store', 'viz', 'examples', 'i18n'],
  cli: ['base', 'trace', 'engine'],
  // Example metadata: mark rules (model) and text in both languages (i18n).
  examples: ['base', 'trace', 'model', 'i18n'],
  // The dictionaries word the model's phrases (narration, mistakes).
  i18n: ['base', 'trace', 'model'],
};

/** Packages a folder must not import: the UI frameworks stay in store/ui. */
const UI_PACKAGES = ['react', 'react-dom', 'zustand', 'monaco-editor'];
const FORBIDDEN_PACKAGES = {
  base: UI_PACKAGES,
  trace: UI_PACKAGES,
  engine: UI_PACKAGES,
  model: UI_PACKAGES,
  viz: UI_PACKAGES,
  cli: UI_PACKAGES,
  examples: UI_PACKAGES,
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// An import that climbs out of its folder (one or more `../`) into a sibling layer,
// e.g. `../store/app` or `../../viz/timeline`, or names it from the root (`/src/viz`).
// Requiring the `../` keeps a folder's own files (`./model.ts`) from matching.
function layerPattern(folder) {
  const denied = LAYERS.filter((layer) => layer !== folder && !ALLOWED[folder].includes(layer));
  if (denied.length === 0) return [];
  return [{
    regex: `^((\\.\\./)+|/?src/)(${denied.join('|')})(/|$)`,
    message: `src/${folder} may import only from ${
      ALLOWED[folder].length ? ALLOWED[folder].map((l) => `src/${l}`).join(', ') : 'nothing else in src'
    } (DESIGN.md §5).`,
  }];
}

function packagePattern(folder) {
  const packages = FORBIDDEN_PACKAGES[folder] ?? [];
  if (packages.length === 0) return [];
  return [{
    regex: `^(${packages.map(escape).join('|')})(/|$)`,
    message: `src/${folder} stays free of UI frameworks (${packages.join(', ')}) (DESIGN.md §5).`,
  }];
}

const layerRules = LAYERS.map((folder) => ({
  name: `loopscope/layers/${folder}`,
  files: [`src/${folder}/**/*.{ts,tsx,js,mjs}`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [...layerPattern(folder), ...packagePattern(folder)],
    }],
  },
}));

export default defineConfig([
  globalIgnores([
    'dist/', 'node_modules/', 'scratch/', 'test-results/', 'playwright-report/',
    'src/engine/py/**',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'loopscope/typescript',
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_',
      }],
    },
  },
  {
    name: 'loopscope/browser',
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    name: 'loopscope/node',
    files: [
      'src/cli/**', 'scripts/**', 'e2e/**', 'bin/**',
      '*.config.{js,ts,mjs}', '**/*.test.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'loopscope/react',
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.{ts,tsx}', 'src/main.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  ...layerRules,
  {
    // The gallery's test runs every example on the engine, as the app would.
    name: 'loopscope/examples-tests',
    files: ['src/examples/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
]);
