// `loopscope`: run a Python asyncio program on the virtual-time loop from a terminal.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createNodeEngine } from '../engine/node';
import { TRACE_VERSION, type NetworkSettings, type TraceEvent } from '../trace/schema';
import { parseCommandLine, USAGE, type RunCommand } from './args';

function readProgram(file: string): { source: string; filename: string } {
  if (file === '-') return { source: readFileSync(0, 'utf8'), filename: '<stdin>' };
  // CPython reports the main script by its absolute path.
  return { source: readFileSync(file, 'utf8'), filename: resolve(file) };
}

function readNetwork(path: string): NetworkSettings {
  const settings: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new Error('the network settings must be a JSON object');
  }
  // The engine checks each field and says which one is wrong (a `network` warning).
  return settings as NetworkSettings;
}

async function run(cmd: RunCommand): Promise<number> {
  let program;
  try {
    program = readProgram(cmd.file);
  } catch (err) {
    process.stderr.write(`loopscope: cannot read ${cmd.file}: ${(err as Error).message}\n`);
    return 2;
  }
  if (cmd.networkPath) {
    try {
      cmd.options.network = readNetwork(cmd.networkPath);
    } catch (err) {
      process.stderr.write(`loopscope: cannot use ${cmd.networkPath}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  const engine = await createNodeEngine();
  const kept: TraceEvent[] = [];
  const summary = engine.run(program.source, program.filename, cmd.options, (events) => {
    for (const ev of events) {
      if (ev.kind === 'output') (ev.stream === 'stdout' ? process.stdout : process.stderr).write(ev.text);
      if (ev.kind === 'warning' && ev.category === 'network') process.stderr.write(`loopscope: ${ev.message}\n`);
      if (cmd.tracePath) kept.push(ev);
    }
  });
  if (cmd.tracePath) {
    const trace = { version: TRACE_VERSION, program, options: cmd.options, summary, events: kept };
    writeFileSync(cmd.tracePath, JSON.stringify(trace));
  }
  if (summary.status === 'limit' || summary.status === 'deadlock' || summary.status === 'stopped') {
    process.stderr.write(`loopscope: ${summary.message}\n`);
  }
  return summary.exitCode;
}

const parsed = parseCommandLine(process.argv.slice(2));
let code: number;
switch (parsed.command) {
  case 'help':
    process.stdout.write(`${USAGE}\n`);
    code = 0;
    break;
  case 'error':
    process.stderr.write(`loopscope: ${parsed.message}\n\n${USAGE}\n`);
    code = 2;
    break;
  case 'run':
    code = await run(parsed);
    break;
}
// Wait for stdout to drain before exiting, so piped output is never cut short.
process.stdout.write('', () => process.exit(code));
