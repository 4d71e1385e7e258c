/**
 * Vite plugin: serves Pyodide's runtime files from our own origin at
 * `<base>pyodide/<version>/`, and lets browsers keep what never changes.
 *
 * The npm package ships them next to `pyodide.mjs`; the app loads them with
 * `loadPyodide({ indexURL: <base>pyodide/<version>/ })`. Dev: a middleware streams them
 * from node_modules. Build: they are emitted into `dist/pyodide/<version>/`, which `vite
 * preview` (and any static host) serves. Written by hand because vite-plugin-static-copy
 * 4 needs Node ≥ 22.
 *
 * Caching: a file whose URL changes with its content — Pyodide's, under their version,
 * and Vite's hashed `assets/` — is sent `immutable` for a year, so a second visit takes
 * it from the browser's cache without asking. `index.html` stays `no-cache` (revalidated
 * each visit), so a new build is seen at once.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

function pyodidePackage(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('pyodide/package.json');
  return { dir: path.dirname(manifest), version: (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version };
}

/**
 * URL folder (under Vite's `base`) and output folder (under `dist/`). The app builds the
 * same path from the version the `pyodide` module reports (src/engine/browser.ts).
 */
export const PYODIDE_DIR = `pyodide/${pyodidePackage().version}`;

/** For files whose URL names their content (a version, a hash). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Runtime files Pyodide fetches at start, with their content types. */
const RUNTIME_FILES: Readonly<Record<string, string>> = {
  'pyodide.mjs': 'text/javascript; charset=utf-8',
  'pyodide.mjs.map': 'application/json; charset=utf-8',
  'pyodide.asm.mjs': 'text/javascript; charset=utf-8',
  'pyodide.asm.wasm': 'application/wasm',
  'python_stdlib.zip': 'application/zip',
  'pyodide-lock.json': 'application/json; charset=utf-8',
};

/** The file name when `url` points into the runtime folder, else undefined. */
function runtimeFileName(url: string | undefined, base: string): string | undefined {
  const prefix = `${base}${PYODIDE_DIR}/`;
  const pathname = (url ?? '').split('?')[0] ?? '';
  return pathname.startsWith(prefix) ? pathname.slice(prefix.length) : undefined;
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`Not a Pyodide runtime file (served: ${Object.keys(RUNTIME_FILES).join(', ')})\n`);
}

function sendFile(
  res: ServerResponse,
  file: string,
  contentType: string,
  headers: Record<string, string>,
  ifNoneMatch: string | undefined,
  method: string | undefined,
): void {
  const { size, mtimeMs } = statSync(file);
  const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  // Same-origin already, but COEP require-corp must never block these, whoever embeds us.
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', IMMUTABLE);
  res.setHeader('ETag', etag);
  if (ifNoneMatch === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', size);
  if (method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/** The plugin; add it to `plugins` in vite.config.ts. */
export function pyodideAssets(): Plugin {
  const sourceDir = pyodidePackage().dir;
  let base = '/';
  return {
    name: 'loopscope:pyodide-assets',
    configResolved(config) {
      base = config.base.endsWith('/') ? config.base : `${config.base}/`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = runtimeFileName(req.url, base);
        if (name === undefined) return next();
        const contentType = RUNTIME_FILES[name];
        if (contentType === undefined) return notFound(res);
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(server.config.server.headers ?? {})) {
          if (value !== undefined) headers[key] = String(value);
        }
        sendFile(res, path.join(sourceDir, name), contentType, headers, req.headers['if-none-match'], req.method);
      });
    },
    configurePreviewServer(server) {
      // dist/pyodide/<version>/ is served as static files; only stop the SPA fallback
      // from answering a missing runtime file (say, a wheel) with index.html.
      const outDir = path.resolve(server.config.root, server.config.build.outDir);
      const assetsPrefix = `${base}${server.config.build.assetsDir}/`;
      server.middlewares.use((req, res, next) => {
        const name = runtimeFileName(req.url, base);
        if (name !== undefined && RUNTIME_FILES[name] === undefined) return notFound(res);
        // Vite's static server keeps a Cache-Control set before it (its own is no-cache).
        const pathname = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        const versioned = name !== undefined || pathname.startsWith(assetsPrefix);
        if (versioned && existsSync(path.join(outDir, pathname.slice(base.length)))) {
          res.setHeader('Cache-Control', IMMUTABLE);
        }
        next();
      });
    },
    generateBundle() {
      // Only the browser build ships a runtime (not SSR or other environments).
      if (this.environment.name !== 'client') return;
      for (const name of Object.keys(RUNTIME_FILES)) {
        this.emitFile({
          type: 'asset',
          fileName: `${PYODIDE_DIR}/${name}`,
          source: readFileSync(path.join(sourceDir, name)),
        });
      }
    },
  };
}
