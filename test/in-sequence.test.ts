import type { Next, Request, RequestHandler, Response } from 'restify';
import { inSequence } from '../src/server/inSequence';

const req = {} as Request;
const res = {} as Response;

/** A handler that records its name and then calls next with `outcome` (or never, with 'hang'). */
function step(name: string, log: string[], outcome?: false | Error | 'hang'): RequestHandler {
  return (_req: Request, _res: Response, next: Next) => {
    log.push(name);
    if (outcome === 'hang') return;
    if (outcome === undefined) next();
    else next(outcome);
  };
}

describe('inSequence', () => {
  it.each<[string, (false | Error | 'hang' | undefined)[], string[], unknown[]]>([
    ['runs every handler in order, then goes on', [undefined, undefined, undefined], ['a', 'b', 'c'], [undefined]],
    ['stops at next(false), as restify does, and says so', [undefined, false, undefined], ['a', 'b'], [false]],
    ['hands an error on and runs nothing after it', [new Error('boom'), undefined, undefined], ['a'], [new Error('boom')]],
    ['waits for a handler that answers later', [undefined, 'hang', undefined], ['a', 'b'], []],
  ])('%s', (_name, outcomes, ran, nextCalls) => {
    const log: string[] = [];
    const calls: unknown[] = [];
    inSequence(...outcomes.map((o, i) => step('abc'[i], log, o)))(req, res, ((x?: unknown) => calls.push(x)) as Next);
    expect(log).toEqual(ran);
    expect(calls).toEqual(nextCalls);
  });
});
