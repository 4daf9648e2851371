import type { Next, Request, RequestHandler, Response } from 'restify';

/** Why {@link jsonBody} refused a request: the status and a generic reason (no parser text). */
export interface BodyRefusal {
  status: 400 | 411 | 413 | 415;
  error: string;
}

/** Methods whose requests may carry a body. */
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `application/json` and `application/<something>+json`, with or without parameters. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Reads and parses a JSON request body, and nothing else: the one body parser of the server.
 * restify's bodyParser also inflates gzip (a body that is not gzip crashes the process, restify
 * #1785, and a small one inflates far past the size limit), writes multipart uploads to temporary
 * files that stay behind (restify #1801) and reads form and text bodies; no route of this
 * service takes any of those. So:
 *
 * - a `Content-Encoding` other than `identity` is refused with 415 before a byte is read;
 * - a body that is not JSON (multipart, forms, text, octet-stream…) is refused with 415;
 * - a declared length over `maxBytes` is refused with 413 before reading, a streamed one as soon
 *   as it passes the limit (and the connection is closed, so the rest is never read);
 * - malformed JSON is refused with 400, without the parser's message.
 *
 * Sets `req.body` to the parsed value and `req.rawBody` to the exact bytes (the WhatsApp
 * signature is computed over them). Requests without a body go through untouched.
 */
export function jsonBody(maxBytes: number, onRefused?: (req: Request, refusal: BodyRefusal) => void): RequestHandler {
  return function readJsonBody(req: Request, res: Response, next: Next): void {
    const refuse = (refusal: BodyRefusal, closeConnection = false): void => {
      onRefused?.(req, refusal);
      if (refusal.status === 415) res.header('Accept-Encoding', 'identity');
      if (closeConnection) res.header('Connection', 'close');
      const correlationId = req.getId();
      res.header('X-Correlation-Id', correlationId);
      res.json(refusal.status, { error: refusal.error, correlationId });
      next(false);
    };
    if (!WITH_BODY.has(req.method ?? '')) return void next();
    const encoding = String(req.headers['content-encoding'] ?? '').trim().toLowerCase();
    if (encoding && encoding !== 'identity') return refuse({ status: 415, error: 'content encoding not supported: send the body uncompressed' });
    const lengthHeader = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    const declared = lengthHeader === undefined ? undefined : Number(lengthHeader);
    if (!chunked && (declared === undefined || declared === 0)) return void next();
    if (declared !== undefined && !(Number.isInteger(declared) && declared >= 0)) return refuse({ status: 400, error: 'bad Content-Length' }, true);
    const type = req.headers['content-type'];
    const notJson: BodyRefusal = { status: 415, error: 'expected a JSON body (Content-Type: application/json)' };
    // A chunked request without a type may still turn out to be empty; any other type is refused at once.
    const untyped = type === undefined && declared === undefined;
    if (!untyped && !JSON_TYPE.test(String(type ?? ''))) return refuse(notJson, true);
    if (declared !== undefined && declared > maxBytes) return refuse({ status: 413, error: `body over ${maxBytes} bytes` }, true);

    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const finish = (refusal?: BodyRefusal, close = false): void => {
      if (finished) return;
      finished = true;
      req.removeListener('data', onData);
      if (refusal) {
        refuse(refusal, close);
        // Stop reading: whatever else the client sends is not wanted.
        if (close) req.pause();
        return;
      }
      const raw = Buffer.concat(chunks, received);
      (req as Request & { rawBody?: Buffer }).rawBody = raw;
      if (received === 0) return void next();
      if (untyped) return refuse(notJson);
      try {
        req.body = JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        return refuse({ status: 400, error: 'malformed JSON' });
      }
      next();
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) return finish({ status: 413, error: `body over ${maxBytes} bytes` }, true);
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish());
    req.once('error', () => finish({ status: 400, error: 'the body could not be read' }, true));
    req.once('aborted', () => finish({ status: 400, error: 'the body could not be read' }, true));
    req.resume();
  };
}
