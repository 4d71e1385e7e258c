import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import type { Plugin, Rolldown } from 'vite';
import { pyodideAssets } from './scripts/pyodide-assets.ts';

// Cross-origin isolation gives us SharedArrayBuffer, hence Pyodide's interrupt buffer
// (stop a runaway program without killing the worker). It must cover the page and the
// worker script, so both servers send it on every response.
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// Everything comes from our own origin, and nothing leaves the page (connect-src).
// Checked in headless Chromium against the production build, not guessed:
// 'wasm-unsafe-eval': Pyodide compiles its WebAssembly (without it the worker stops at
// "wasm instantiation failed"). 'unsafe-inline' styles: Monaco adds <style> elements and
// style attributes (React's style props go through CSSOM and need nothing). img-src
// blob: the timeline's PNG export draws its SVG through an object URL. Workers, Python's
// and Monaco's, are files of ours: worker-src needs no blob:.
function contentSecurityPolicy(scriptSources = ''): string[] {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${scriptSources}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ];
}

// The dev server inlines React Refresh's preamble script; Vite marks it with this nonce.
const DEV_NONCE = 'loopscope-dev';

const headers = (policy: string[]) => ({
  ...crossOriginIsolation,
  'Content-Security-Policy': policy.join('; '),
});

// For hosts that cannot set headers, the built page carries the policy too (a <meta>
// cannot carry frame-ancestors, and browsers warn if it tries).
function cspMeta(): Plugin {
  const policy = contentSecurityPolicy().filter((d) => !d.startsWith('frame-ancestors')).join('; ');
  return {
    name: 'loopscope-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{
      tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend',
    }],
  };
}

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

export default defineConfig(({ command, isPreview }) => ({
  plugins: [react(), pyodideAssets(), cspMeta()],
  // Pyodide locates its runtime from its own URL; prebundling would move it.
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es', rolldownOptions: { onLog: quietPyodideNodeImports } },
  server: { headers: headers(contentSecurityPolicy(` 'nonce-${DEV_NONCE}'`)) },
  preview: { headers: headers(contentSecurityPolicy()) },
  html: command === 'serve' && !isPreview ? { cspNonce: DEV_NONCE } : {},
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
}));
