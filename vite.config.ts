import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import type { Rolldown } from 'vite';
import { pyodideAssets } from './scripts/pyodide-assets.ts';

// Cross-origin isolation gives us SharedArrayBuffer, hence Pyodide's interrupt buffer
// (stop a runaway program without killing the worker). It must cover the page and the
// worker script, so both servers send it on every response.
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// JSPI (callPromising / run_sync) is behind a flag before Node 25.
const nodeMajor = Number(process.versions.node.split('.')[0]);
const jspiFlags = nodeMajor < 25 ? ['--experimental-wasm-stack-switching'] : [];

// pyodide.mjs also runs under Node and imports node:* modules on that path only; in
// the browser bundle those imports are dead, so their "externalized" warnings are noise.
function quietPyodideNodeImports(
  level: Rolldown.LogLevel,
  log: Rolldown.RolldownLog,
  handler: Rolldown.LogOrStringHandler,
): void {
  const fromPyodide = /externalized for browser compatibility, imported by ".*\/pyodide\/pyodide\.mjs"/;
  if (level === 'warn' && fromPyodide.test(log.message)) return;
  handler(level, log);
}

export default defineConfig({
  plugins: [react(), pyodideAssets()],
  // Pyodide locates its runtime from its own URL; prebundling would move it.
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es', rolldownOptions: { onLog: quietPyodideNodeImports } },
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  build: {
    // Top-level await in the module worker.
    target: 'es2022',
    // Monaco alone is a few MB minified; warn only beyond that.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: { onLog: quietPyodideNodeImports },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    execArgv: jspiFlags,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
