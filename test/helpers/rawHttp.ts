import { request } from 'node:http';
import { connect } from 'node:net';

/** What came back; status 0 when nothing did within the time allowed (or the connection broke). */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** 'timeout' or the socket error's code when status is 0. */
  failure?: string;
}

/**
 * One HTTP request with exactly the headers given (fetch refuses or rewrites some of them:
 * Content-Encoding with a wrong body, Upgrade, Transfer-Encoding), answered or timed out.
 */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
  timeoutMs = 5000,
): Promise<RawAnswer> {
  const url = new URL(path, base);
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: RawAnswer) => {
      if (settled) return;
      settled = true;
      resolve(a);
    };
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(timeoutMs, () => {
      done({ status: 0, headers: {}, body: '', failure: 'timeout' });
      req.destroy();
    });
    req.on('error', (err: NodeJS.ErrnoException) => done({ status: 0, headers: {}, body: '', failure: err.code ?? err.message }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Writes `text` on a fresh TCP connection and returns what comes back before it closes or the time runs out. */
export function rawExchange(base: string, text: string | Buffer, timeoutMs = 5000): Promise<{ reply: string; closed: boolean }> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let reply = '';
    let settled = false;
    const done = (closed: boolean) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ reply, closed });
    };
    socket.on('data', (d: Buffer) => (reply += d.toString('latin1')));
    socket.on('end', () => done(true));
    socket.on('close', () => done(true));
    socket.on('error', () => done(true));
    socket.setTimeout(timeoutMs, () => done(false));
    socket.write(text);
  });
}
