import http from 'node:http';

/** A response as the soak test reads it. */
export interface PostResult {
  status: number;
  body: string;
}

/**
 * POSTs JSON over a keep-alive pool of node:http connections, as a channel connector does.
 * (The soak test first used fetch; under 200 concurrent conversations its pool let a few
 * requests wait 10–40 s while the server answered others in milliseconds, which measured the
 * client, not the bot.)
 */
export class HttpPoster {
  private readonly agent: http.Agent;

  constructor(maxSockets: number) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** Sends `body` to `url`; rejects on a network error or after `timeoutMs`. */
  post(url: string, body: string, timeoutMs: number): Promise<PostResult> {
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
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Closes the pooled connections. */
  close(): void {
    this.agent.destroy();
  }
}
