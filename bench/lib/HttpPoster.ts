import http from 'node:http';

/** A response as the soak test reads it. */
export interface PostResult {
  status: number;
  body: string;
}

/**
 * POSTs JSON over a keep-alive pool of node:http connections, as a channel connector does.
 * (The soak test first used fetch; under 200 concurrent conversations a few of its requests
 * waited 10–40 s while the server answered others in milliseconds. See bench/README.md.)
 */
export class HttpPoster {
  private readonly agent: http.Agent;
  /** Requests sent again because a kept-alive connection was closed under them. */
  retries = 0;

  constructor(maxSockets: number) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /**
   * Sends `body` to `url`; rejects on a network error or after `timeoutMs`. A request whose
   * reused keep-alive connection is reset before any answer (the server closed it as idle at
   * the moment it was reused) is sent once more on a new connection, as the Node.js docs
   * advise; such requests never reached the bot.
   */
  async post(url: string, body: string, timeoutMs: number): Promise<PostResult> {
    try {
      return await this.once(url, body, timeoutMs);
    } catch (err) {
      if (!(err instanceof StaleConnectionError)) throw err;
      this.retries += 1;
      return this.once(url, body, timeoutMs);
    }
  }

  private once(url: string, body: string, timeoutMs: number): Promise<PostResult> {
    return new Promise((resolve, reject) => {
      const req = http.request(url, {
        method: 'POST',
        agent: this.agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (err: NodeJS.ErrnoException) => {
        const stale = req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE');
        reject(stale ? new StaleConnectionError(err.message) : err);
      });
      req.end(body);
    });
  }

  /** Closes the pooled connections. */
  close(): void {
    this.agent.destroy();
  }
}

/** A kept-alive connection was closed by the server just as it was reused. */
class StaleConnectionError extends Error {}
