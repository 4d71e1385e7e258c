// `loopscope`: run a Python asyncio program on the virtual-time loop from a terminal.
import { writeFileSync } from 'node:fs';
import { createNodeEngine } from '../engine/node';
import { cutShort, TRACE_VERSION, type TraceEvent } from '../trace/schema';
import { parseCommandLine, USAGE, type RunCommand } from './args';
import { readNetwork, readProgram } from './files';
import { link } from './link';

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
  if (cutShort(summary.status)) {
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
  case 'link':
    code = await link(parsed);
    break;
}
// Wait for stdout to drain before exiting, so piped output is never cut short.
process.stdout.write('', () => process.exit(code));
