import { Client } from 'pg';

type Handler = (payload: string) => void;

/**
 * PostgreSQL's LISTEN/NOTIFY as the instances' shared signal: what one instance stores, the
 * others hear about within milliseconds, with no broker besides the database. One connection
 * of its own listens; when it is lost (a database restart) it reconnects with a growing pause
 * and then calls every channel's `onReconnect`, since notifications sent meanwhile are gone.
 */
export class PostgresNotifications {
  private client?: Client;
  private readonly channels = new Map<string, Handler[]>();
  private readonly reconnected: (() => void)[] = [];
  private closed = false;
  private retryMs = 100;
  private connecting?: Promise<void>;

  constructor(private readonly url: string, private readonly onError: (err: unknown) => void = () => undefined) {}

  /** Starts listening; resolves once the first connection is up (or has failed once). */
  start(): Promise<void> {
    return (this.connecting ??= this.connect());
  }

  /** Calls `handler` with each notification's payload on `channel` (`[a-z_]+`), and `onReconnect` after a lost connection is back. */
  listen(channel: string, handler: Handler, onReconnect?: () => void): void {
    if (!/^[a-z_]{1,40}$/.test(channel)) throw new Error(`notification channel: invalid name ${channel}`);
    const handlers = this.channels.get(channel) ?? [];
    if (!handlers.length) {
      this.channels.set(channel, handlers);
      void this.client?.query(`LISTEN ${channel}`).catch(this.onError);
    }
    handlers.push(handler);
    if (onReconnect) this.reconnected.push(onReconnect);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    client.on('notification', (n) => {
      for (const h of this.channels.get(n.channel) ?? []) h(n.payload ?? '');
    });
    client.on('error', (err) => {
      this.onError(err);
      void client.end().catch(() => undefined);
    });
    client.on('end', () => {
      if (this.client === client) this.client = undefined;
      this.reconnectLater();
    });
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      this.onError(err);
      await client.end().catch(() => undefined);
      return;
    }
    if (this.closed) {
      await client.end();
      return;
    }
    const wasLost = this.retryMs > 100;
    this.client = client;
    this.retryMs = 100;
    if (wasLost) for (const f of this.reconnected) f();
  }

  private reconnectLater(): void {
    if (this.closed) return;
    setTimeout(() => void this.connect(), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, 5000);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }
}
