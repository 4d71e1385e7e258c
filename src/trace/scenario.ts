/**
 * Checks a scenario read from a link: every field is typed and bounded before the app
 * or the engine sees it. A link is data from anyone.
 */
import type { NetworkRule, NetworkSettings } from './schema';
import type { Scenario } from './permalink';

/** Why a link cannot be opened, in words for the person who clicked it. */
export class LinkError extends Error {
  override name = 'LinkError';
}

const MAX_RULES = 200;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function bad(what: string): never {
  throw new LinkError(`The link's scenario is malformed: ${what}.`);
}

function seconds(x: unknown, what: string): number | undefined {
  if (x === undefined) return undefined;
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) bad(`${what} is not a number of seconds`);
  return x;
}

function checkRule(x: unknown, i: number): NetworkRule {
  if (!isRecord(x) || typeof x.match !== 'string') bad(`network rule ${i + 1} has no URL to match`);
  const rule: NetworkRule = { match: x.match };
  if (x.status !== undefined) {
    if (!Number.isInteger(x.status) || (x.status as number) < 100 || (x.status as number) > 599) bad(`network rule ${i + 1} has a bad status`);
    rule.status = x.status as number;
  }
  const latency = seconds(x.latency, `network rule ${i + 1}'s latency`);
  if (latency !== undefined) rule.latency = latency;
  if (x.body !== undefined) rule.body = x.body;
  if (x.contentType !== undefined) {
    if (typeof x.contentType !== 'string') bad(`network rule ${i + 1}'s content type is not text`);
    rule.contentType = x.contentType;
  }
  if (x.error !== undefined) {
    if (x.error !== 'timeout' && x.error !== 'refused') bad(`network rule ${i + 1}'s error is not "timeout" or "refused"`);
    rule.error = x.error;
  }
  return rule;
}

function checkNetwork(x: unknown): NetworkSettings {
  if (!isRecord(x)) bad('the network settings are not an object');
  const network: NetworkSettings = {};
  const latency = seconds(x.latency, 'the network latency');
  const jitter = seconds(x.jitter, 'the network jitter');
  if (latency !== undefined) network.latency = latency;
  if (jitter !== undefined) network.jitter = jitter;
  if (x.rules !== undefined) {
    if (!Array.isArray(x.rules) || x.rules.length > MAX_RULES) bad(`the network rules are not a list of at most ${MAX_RULES}`);
    network.rules = x.rules.map(checkRule);
  }
  return network;
}

/** The scenario in `data`, with only the fields it may have; throws a LinkError otherwise. */
export function checkScenario(data: unknown): Scenario {
  if (!isRecord(data)) bad('it is not an object');
  if (typeof data.program !== 'string') bad('it has no program text');
  const scenario: Scenario = { program: data.program };
  if (data.seed !== undefined) {
    if (!Number.isSafeInteger(data.seed) || (data.seed as number) < 0) bad('the seed is not a whole number ≥ 0');
    scenario.seed = data.seed as number;
  }
  if (data.network !== undefined) scenario.network = checkNetwork(data.network);
  if (data.granularity !== undefined) {
    if (typeof data.granularity !== 'string') bad('the step granularity is not text');
    scenario.granularity = data.granularity;
  }
  if (data.speed !== undefined) {
    if (typeof data.speed !== 'number' || !(data.speed > 0) || data.speed > 1000) bad('the speed is not a number of steps per second');
    scenario.speed = data.speed;
  }
  return scenario;
}
