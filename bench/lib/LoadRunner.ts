import autocannon from 'autocannon';
import { round } from './Percentiles';
import { ReplyTally } from './ReplyTally';

/** What one load run measured. */
export interface LoadFigures {
  target: string;
  scenario: string;
  connections: number;
  seconds: number;
  /** Completed turns (responses) per second. */
  turnsPerSecond: number;
  turns: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Connection errors and timeouts (autocannon). */
  connectionErrors: number;
  timeouts: number;
  non2xx: number;
  /** 2xx responses without a reply activity. */
  noReply: number;
  /** Everything that went wrong: connection errors + non-2xx + 2xx without a reply. */
  errors: number;
  statusCodes: Record<string, number>;
  examples: string[];
  /** Server CPU time per turn (ms), when the server's CPU time could be read. */
  serverCpuMsPerTurn?: number;
  /** Server CPU time ÷ wall time: 1 means one core busy all the time. */
  serverCpuShare?: number;
}

/** A load to run: the requests each connection cycles through, built with the run's tally. */
export type RequestsFactory = (tally: ReplyTally) => autocannon.Request[];

/**
 * Runs autocannon against `base` for `seconds` with `connections` connections, one request in
 * flight per connection (no pipelining: a chat client waits for the reply), and checks every
 * response.
 */
export async function runLoad(
  target: string,
  scenario: string,
  base: string,
  requests: RequestsFactory,
  connections: number,
  seconds: number,
): Promise<LoadFigures> {
  const tally = new ReplyTally();
  const result = await autocannon({
    url: base,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 30,
    requests: requests(tally),
  });
  const noReply = tally.noReply;
  // autocannon counts timeouts among errors.
  const errors = result.errors + result.non2xx + noReply;
  return {
    target,
    scenario,
    connections,
    seconds: round(result.duration, 1),
    turnsPerSecond: round(result.requests.total / result.duration, 1),
    turns: result.requests.total,
    latencyP50Ms: round(result.latency.p50, 1),
    latencyP99Ms: round(result.latency.p99, 1),
    latencyMaxMs: round(result.latency.max, 1),
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    noReply,
    errors,
    statusCodes: tally.statusCodes,
    examples: tally.examples,
  };
}
