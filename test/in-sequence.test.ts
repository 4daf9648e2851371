import type { Next, Request, RequestHandler, Response } from 'restify';
import { inSequence } from '../src/server/inSequence';

const req = {} as Request;
const res = {} as Response;

/** How a test handler goes on: next() now, next() later, next(x), a promise, or not at all. */
type Way = 'next' | 'later' | 'null' | false | Error | 'resolve' | 'reject' | 'hang' | 'both';

function handler(name: string, log: string[], way: Way): RequestHandler {
  return ((_req: Request, _res: Response, next: Next) => {
    log.push(name);
    switch (way) {
      case 'next': return void next();
      case 'later': return void setImmediate(() => next());
      case 'null': return void next(null as unknown as undefined);
      case 'resolve': return Promise.resolve();
      case 'reject': return Promise.reject(new Error('rejected'));
      case 'both': next(); return Promise.resolve();
      case 'hang': return undefined;
      default: return void next(way);
    }
  }) as RequestHandler;
}

/** Runs the sequence and resolves with what it handed to restify's next, after the handlers settle. */
async function outcome(ways: Way[]): Promise<{ ran: string[]; nextCalls: unknown[] }> {
  const ran: string[] = [];
  const nextCalls: unknown[] = [];
  inSequence(...ways.map((w, i) => handler('abcd'[i], ran, w)))(req, res, ((x?: unknown) => nextCalls.push(x)) as Next);
  await new Promise((r) => setTimeout(r, 20));
  return { ran, nextCalls };
}

describe('inSequence', () => {
  it.each<[string, Way[], string[], unknown[]]>([
    ['runs every handler in order, then goes on', ['next', 'next', 'next'], ['a', 'b', 'c'], [undefined]],
    ['waits for a handler that calls next later (the body reader)', ['later', 'next'], ['a', 'b'], [undefined]],
    ['goes on after next(null), as restify does', ['null', 'next'], ['a', 'b'], [undefined]],
    ['goes on when an async handler resolves', ['resolve', 'next'], ['a', 'b'], [undefined]],
    ['goes on once when a handler calls next and resolves too', ['both', 'next'], ['a', 'b'], [undefined]],
    ['stops at next(false), as restify does, and says so', ['next', false, 'next'], ['a', 'b'], [false]],
    ['hands an error on and runs nothing after it', [new Error('boom'), 'next'], ['a'], [new Error('boom')]],
    ['hands a rejection on as an error', ['reject', 'next'], ['a'], [new Error('rejected')]],
    ['waits for a handler that has not answered yet', ['next', 'hang', 'next'], ['a', 'b'], []],
  ])('%s', async (_name, ways, ran, nextCalls) => {
    expect(await outcome(ways)).toEqual({ ran, nextCalls });
  });
});
