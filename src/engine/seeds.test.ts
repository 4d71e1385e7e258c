// The tutorial programs users paste (../shared/seed-programs, next to the repository in
// CI): every one that needs only asyncio must run as written. Skipped where absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAndCollect } from './collect';
import { createNodeEngine, type NodeEngine } from './node';

const SEEDS = fileURLToPath(new URL('../../../shared/seed-programs/', import.meta.url));

// Pure-asyncio programs and how CPython 3.11+ ends them.
const FINISHING = [
  's000_02_simple_coroutine', 's000_03_ensure_future_wait', 's000_07_task_all_tasks_cancel',
  's001_01_asyncio_run_hello', 's001_02_await_say_after', 's001_03_create_task_say_after',
  's001_04_gather_factorial', 's001_05_wait_for_timeout', 's002_02_ensure_future_execute',
  's002_03_coroutine_calls_coroutine', 's002_05_call_soon_partial', 's002_06_call_later',
  's002_07_call_at', 's002_13_future_set_result', 's002_14_future_await',
  's002_15_future_done_callbacks', 's002_16_task_cancel', 's002_17_gather_results_order',
  's002_18_gather_staged_steps', 's002_19_as_completed', 's003_08_generator_producer_consumer',
  's003_09_compute_print_sum', 's004_01_task_print_sum', 's004_02_run_until_complete_bare_coro',
  // On the simulated network:
  's000_11_aiohttp_get', 's000_13_aiohttp_semaphore', 's002_04_task_done_callback_requests',
  's002_08_multitask_requests_wait', 's002_10_aiohttp_httpbin_delay',
  's003_01_urllib_lxml_crawler', 's003_02_requests_lxml_crawler', 's003_03_requests_regex_crawler',
  's003_07_aiohttp_asyncio_crawler',
];
// Bare coroutines passed to asyncio.wait: a TypeError since Python 3.11; here they run
// as on Python 3.7, with a legacy notice.
const WAIT_ON_COROUTINES = ['s000_04_wait_return_when', 's002_09_wait_timeout_cancel'];

let engine: NodeEngine;
beforeAll(async () => { engine = await createNodeEngine(); });

describe.skipIf(!existsSync(SEEDS))('seed tutorial programs', () => {
  const load = (name: string) => readFileSync(`${SEEDS}${name}.py`, 'utf8');

  it.each(FINISHING)('%s runs to the end', (name) => {
    const r = runAndCollect(engine, load(name), {}, `${name}.py`);
    expect(r.stderr).not.toContain('Traceback');
    expect(r.summary).toMatchObject({ status: 'finished', exitCode: 0 });
    expect(r.stdout.length).toBeGreaterThan(0);
  });

  it.each(WAIT_ON_COROUTINES)('%s runs with a legacy notice', (name) => {
    const r = runAndCollect(engine, load(name), {}, `${name}.py`);
    expect(r.summary).toMatchObject({ status: 'finished', exitCode: 0 });
    const notice = r.events.find((e) => e.kind === 'warning' && e.legacy && e.message.includes('asyncio.wait()'));
    expect(notice?.line).toBeGreaterThan(0);
  });

  it('reports the SyntaxError of a pasted Windows path on its line', () => {
    const r = runAndCollect(engine, load('s002_01_create_task_execute'), {}, 'seed.py');
    expect(r.summary.status).toBe('syntax-error');
    expect(r.stderr).toContain("(unicode error) 'unicodeescape' codec can't decode bytes");
  });

  it('prints the factorial interleaving the tutorial shows', () => {
    const r = runAndCollect(engine, load('s001_04_gather_factorial'), {}, 'seed.py');
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'Task A: Compute factorial(2)...', 'Task B: Compute factorial(2)...',
      'Task C: Compute factorial(2)...', 'Task A: factorial(2) = 2']);
  });
});
