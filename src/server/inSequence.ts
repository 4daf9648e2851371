import type { Next, Request, RequestHandler, Response } from 'restify';

/**
 * Restify handlers run one after another as one handler. restify puts every handler of a chain
 * on its own `process.nextTick`, with a timer object before and after it; for the three guards
 * every request passes before routing that was a tenth of a FAQ turn's time on the event
 * loop. As in a restify chain, a handler goes on by calling `next()` (now or later) or, if it is
 * async, by resolving; `next(false)` or an error ends the sequence and goes to restify as it is.
 * What restify does per handler (timers, the check for a closed connection) happens once, for
 * the whole sequence.
 */
export function inSequence(...handlers: RequestHandler[]): RequestHandler {
  return function sequence(req: Request, res: Response, next: Next): void {
    const run = (at: number): void => {
      if (at === handlers.length) {
        next();
        return;
      }
      let moved = false;
      const step = ((outcome?: unknown) => {
        // A handler that both calls next and resolves goes on once.
        if (moved) return;
        moved = true;
        if (outcome === undefined || outcome === null) run(at + 1);
        else next(outcome as Parameters<Next>[0]);
      }) as Next;
      const result: unknown = handlers[at](req, res, step);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(
          () => step(),
          (err: unknown) => step(err instanceof Error ? err : new Error(String(err))),
        );
      }
    };
    run(0);
  };
}
