/** Command-line parsing for `loopscope`, kept apart from running so it is testable. */
import { parseArgs } from 'node:util';
import { DEFAULT_BASE_URL } from '../trace/permalink';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../trace/schema';

export const USAGE = `Usage: loopscope run FILE.py [options]     run a program on the virtual-time loop
       loopscope run - [options]           read the program from standard input
       loopscope link FILE.py [--step N] [--seed N] [--network FILE.json] [--base URL]
                                           print a permalink that opens the program at step N

Options:
  --trace OUT.json     write the full trace (versioned JSON)
  --max-events N       stop after N trace events (default ${DEFAULT_RUN_OPTIONS.maxEvents})
  --max-time SECONDS   stop when the virtual clock would pass SECONDS (default ${DEFAULT_RUN_OPTIONS.maxTime})
  --seed N             seed for random (default ${DEFAULT_RUN_OPTIONS.seed})
  --network FILE.json  simulated network settings: {"latency": 0.1, "jitter": 0.1, "rules":
                       [{"match": "https://api.example.com/", "status": 500, "latency": 2,
                         "body": {...}, "error": "timeout" | "refused"}]}
  --interrupt-at SECONDS  press Ctrl+C at that virtual time (KeyboardInterrupt, as in a terminal)
  --no-lines           do not record a trace event per executed line
  --step N             (link) open at step N, as the app's step counter numbers them
  --base URL           (link) where the app is served (default ${DEFAULT_BASE_URL})
  -h, --help           show this help

Exit status: 0 finished, 1 the program raised, 2 usage error or unreadable file,
3 stopped at a limit or deadlocked.`;

export interface RunCommand {
  command: 'run';
  file: string;
  tracePath: string | null;
  /** A JSON file with the network settings (RunOptions.network), read when the run starts. */
  networkPath: string | null;
  options: RunOptions;
}

export interface LinkCommand {
  command: 'link';
  file: string;
  step: number | null;
  seed: number | null;
  networkPath: string | null;
  base: string;
}

export type ParsedArgs = RunCommand | LinkCommand | { command: 'help' } | { command: 'error'; message: string };

function count(name: string, text: string | undefined, fallback: number, integer: boolean): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new Error(`--${name} needs a ${integer ? 'whole ' : ''}number ≥ 0, got '${text}'`);
  }
  return n;
}

export function parseCommandLine(argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        trace: { type: 'string' },
        'max-events': { type: 'string' },
        'max-time': { type: 'string' },
        seed: { type: 'string' },
        network: { type: 'string' },
        'no-lines': { type: 'boolean' },
        'interrupt-at': { type: 'string' },
        step: { type: 'string' },
        base: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { command: 'help' };
    const [command, file, ...extra] = positionals;
    if (command !== 'run' && command !== 'link') {
      return { command: 'error', message: command ? `unknown command '${command}'` : 'no command given' };
    }
    if (!file) return { command: 'error', message: `${command} needs a FILE.py (or - for standard input)` };
    if (extra.length) return { command: 'error', message: `unexpected argument '${extra[0]}'` };
    const d = DEFAULT_RUN_OPTIONS;
    if (command === 'link') {
      const base = values.base ?? DEFAULT_BASE_URL;
      if (!URL.canParse(base)) return { command: 'error', message: `--base needs a URL, got '${base}'` };
      return {
        command: 'link',
        file,
        step: values.step === undefined ? null : count('step', values.step, 0, true),
        seed: values.seed === undefined ? null : count('seed', values.seed, d.seed, true),
        networkPath: values.network ?? null,
        base,
      };
    }
    return {
      command: 'run',
      file,
      tracePath: values.trace ?? null,
      networkPath: values.network ?? null,
      options: {
        ...d,
        maxEvents: count('max-events', values['max-events'], d.maxEvents, true),
        maxTime: count('max-time', values['max-time'], d.maxTime, false),
        seed: count('seed', values.seed, d.seed, true),
        lines: !values['no-lines'],
        ...(values['interrupt-at'] === undefined ? {}
          : { interruptAt: count('interrupt-at', values['interrupt-at'], 0, false) }),
        // A command-line run may take as long as it needs in real time.
        maxRealMs: 10 * 60 * 1000,
      },
    };
  } catch (err) {
    return { command: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}
