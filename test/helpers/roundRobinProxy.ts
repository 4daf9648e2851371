import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

/**
 * A small reverse proxy in front of several instances that sends each request (and each
 * WebSocket upgrade) to the next instance in turn: nothing sticks a client to one. As nginx
 * does, a request an instance refuses at connect (it is down) goes to the next one.
 */
export class RoundRobinProxy {
  /** Requests (and upgrades) each upstream port answered. */
  readonly served = new Map<number, number>();
  private next = 0;
  private readonly server: Server;
  /** Upgraded connections, which the HTTP server no longer tracks. */
  private readonly tunnels = new Set<Socket>();
  base = '';

  constructor(private readonly ports: number[]) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const tryAt = (order: number[]): void => {
          const port = order[0];
          const up = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent: false }, (answer) => {
            this.count(port);
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            res.on('close', () => answer.destroy());
          });
          up.on('error', (err: NodeJS.ErrnoException) => {
            if (err.code === 'ECONNREFUSED' && order.length > 1) return tryAt(order.slice(1));
            if (!res.headersSent) res.writeHead(502).end();
            else res.destroy();
          });
          up.end(body);
        };
        tryAt(this.order());
      });
    });
    this.server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
      const tryAt = (order: number[]): void => {
        const port = order[0];
        const up = connect(port, '127.0.0.1');
        this.tunnels.add(up);
        up.on('close', () => this.tunnels.delete(up));
        up.once('connect', () => {
          this.count(port);
          const lines = [`${req.method} ${req.url} HTTP/1.1`];
          for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
          up.write(`${lines.join('\r\n')}\r\n\r\n`);
          if (head.length) up.write(head);
          client.pipe(up).pipe(client);
        });
        up.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'ECONNREFUSED' && order.length > 1 && !up.readyState.startsWith('open')) return tryAt(order.slice(1));
          client.destroy();
        });
        client.on('error', () => up.destroy());
        client.on('close', () => up.destroy());
      };
      tryAt(this.order());
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.base = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this.base;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    for (const t of this.tunnels) t.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** The upstreams starting with the next in turn. */
  private order(): number[] {
    const at = this.next++ % this.ports.length;
    return [...this.ports.slice(at), ...this.ports.slice(0, at)];
  }

  private count(port: number): void {
    this.served.set(port, (this.served.get(port) ?? 0) + 1);
  }
}
