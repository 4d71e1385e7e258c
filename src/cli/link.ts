/** `loopscope link`: the permalink of a program, for a lesson's slides or a chat. */
import { permalinkUrl, type Scenario } from '../trace/permalink';
import { checkScenario } from '../trace/scenario';
import type { LinkCommand } from './args';
import { readNetwork, readProgram } from './files';

/** Prints the link; returns the exit status (2: unreadable file or settings). */
export async function link(cmd: LinkCommand): Promise<number> {
  const scenario: Scenario = { program: '' };
  try {
    scenario.program = readProgram(cmd.file).source;
  } catch (err) {
    process.stderr.write(`loopscope: cannot read ${cmd.file}: ${(err as Error).message}\n`);
    return 2;
  }
  if (cmd.seed !== null) scenario.seed = cmd.seed;
  if (cmd.networkPath) {
    try {
      // Checked as the app will check it, so the link opens instead of being refused.
      scenario.network = checkScenario({ program: '', network: readNetwork(cmd.networkPath) }).network;
    } catch (err) {
      process.stderr.write(`loopscope: cannot use ${cmd.networkPath}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  process.stdout.write(`${await permalinkUrl(cmd.base, { scenario, step: cmd.step })}\n`);
  return 0;
}
