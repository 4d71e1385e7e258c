// `npm run bench:ab [-- REV]`: the engine's Python package at git revision REV (default
// HEAD) against the working tree, on the 10,000-task crawl of `npm run bench`.
//
// This machine's speed drifts by up to 2× between minutes, so two builds timed one after
// the other compare the minutes, not the builds. Here both engines load in one process
// and take turns run by run; each figure is the median of the per-round ratios B/A, so a
// slow spell slows both sides of a pair. Prints JSON lines like `npm run bench`.
// PROGRAM=file.py times another program; ROUNDS=n sets the number of rounds (default 8).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { loadPyodide } from 'pyodide';
import { installEngine, type PackageFiles } from '../src/engine/host';
import { readPackageFiles } from '../src/engine/node';
import { DEFAULT_RUN_OPTIONS } from '../src/trace/schema';
import { CRAWL } from './crawl';

const print = (metric: string, value: number, unit: string) =>
  console.log(JSON.stringify({ metric, value: Math.round(value * 1000) / 1000, unit }));

const PACKAGE = 'src/engine/py/loopscope/';
const revision = process.argv[2] ?? 'HEAD';
const rounds = Number(process.env.ROUNDS ?? 8);

function filesAt(rev: string): PackageFiles {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const files: PackageFiles = {};
  for (const path of git('ls-tree', '--name-only', rev, PACKAGE).trim().split('\n')) {
    if (path.endsWith('.py')) files[path.slice(PACKAGE.length)] = git('show', `${rev}:${path}`);
  }
  return files;
}

const require = createRequire(import.meta.url);
const indexURL = dirname(require.resolve('pyodide/package.json')) + '/';
const engine = async (files: PackageFiles) =>
  installEngine(await loadPyodide({ indexURL, env: { PYTHONHASHSEED: '0' } }), files);
const [a, b] = [await engine(filesAt(revision)), await engine(readPackageFiles())];

const program = process.env.PROGRAM ? readFileSync(process.env.PROGRAM, 'utf8') : CRAWL;
const TRACED = { ...DEFAULT_RUN_OPTIONS, maxEvents: 10_000_000, lines: true };
const UNTRACED = { ...DEFAULT_RUN_OPTIONS, trace: false };
const wall = (side: typeof a, options: typeof TRACED) =>
  side.runBytes(program, 'main.py', options, () => {}).wallMs;
for (const side of [a, b]) { wall(side, TRACED); wall(side, UNTRACED); } // warm-up

const t = { a: [] as number[], b: [] as number[] };
const u = { a: [] as number[], b: [] as number[] };
for (let round = 0; round < rounds; round++) {
  t.a.push(wall(a, TRACED)); t.b.push(wall(b, TRACED));
  u.a.push(wall(a, UNTRACED)); u.b.push(wall(b, UNTRACED));
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
const pairwise = (num: number[], den: number[]) => median(num.map((x, i) => x / den[i]!));
print(`ab_traced_${revision}_ms`, median(t.a), 'ms');
print('ab_traced_worktree_ms', median(t.b), 'ms');
print('ab_traced_worktree_vs_rev', pairwise(t.b, t.a), 'x');
print('ab_untraced_worktree_vs_rev', pairwise(u.b, u.a), 'x');
print(`ab_ratio_${revision}`, pairwise(t.a, u.a), 'x');
print('ab_ratio_worktree', pairwise(t.b, u.b), 'x');
