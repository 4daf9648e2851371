import type { Next, Request, RequestHandler, Response } from 'restify';

/**
 * Restify handlers run one after another as one handler. restify puts every handler of a chain
 * on its own `process.nextTick`, with a timer object before and after it; for the three guards
 * every request passes before routing that was a tenth of a FAQ turn's time on the event
 * loop. The handlers must be callback style and call `next` before they return or not at
 * all: `next(false)` or an error ends the sequence and goes to restify as it is.
 */
export function inSequence(...handlers: RequestHandler[]): RequestHandler {
  return function sequence(req: Request, res: Response, next: Next): void {
    let at = 0;
    const step = ((outcome?: unknown) => {
      if (outcome !== undefined || at === handlers.length) {
        next(outcome as Parameters<Next>[0]);
        return;
      }
      void handlers[at++](req, res, step);
    }) as Next;
    step();
  };
}
