import BetterSqlite3 from 'better-sqlite3';
import { Pool } from 'pg';

/** Where the server under test keeps its bookings. */
export type BookingStore = { sqliteFile: string } | { postgresUrl: string };

/**
 * Keeps the calendar of the server under test from filling up during booking load. The
 * practice's 60-day horizon holds some 700 slots, and the booking load confirms about 60
 * bookings a second: within a run every slot would be taken, and from then on the script would
 * be answering "no free slot" replies, measuring something else than booking. Every half second
 * the keeper deletes the bookings made so far (the bench's own, in its own database) and counts
 * them, so the results can also say how many bookings the load confirmed.
 */
export class CalendarKeeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  /** Bookings deleted so far: the bookings the load confirmed. */
  removed = 0;
  /** Sweeps that failed (the database busy for longer than its timeout…), and the last reason. */
  failures = 0;
  lastError?: string;

  private constructor(private readonly clear: () => Promise<number>, private readonly close: () => Promise<void>) {}

  /** A keeper for an SQLite file (a second connection; WAL mode lets it write alongside the server) or a PostgreSQL database. */
  static for(store: BookingStore): CalendarKeeper {
    if ('sqliteFile' in store) {
      let db: BetterSqlite3.Database | undefined;
      return new CalendarKeeper(
        async () => {
          db ??= new BetterSqlite3(store.sqliteFile, { fileMustExist: true, timeout: 5000 });
          return db.prepare('DELETE FROM bookings').run().changes;
        },
        async () => {
          db?.close();
        },
      );
    }
    const pool = new Pool({ connectionString: store.postgresUrl, max: 1 });
    return new CalendarKeeper(async () => (await pool.query('DELETE FROM bookings')).rowCount ?? 0, () => pool.end());
  }

  /** Clears the calendar now and then every `everyMs` until {@link stop}. */
  async start(everyMs = 500): Promise<void> {
    await this.sweep();
    // Unref'd: a bench that fails half-way must still be able to exit.
    this.timer ??= setInterval(() => void this.sweep(), everyMs).unref();
  }

  /** Stops clearing, after one last sweep (so {@link removed} counts every booking), and closes the connection. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    await this.sweep();
    await this.close();
  }

  private async sweep(): Promise<void> {
    if (this.running) return;
    this.running = this.clear()
      .then((n) => void (this.removed += n))
      .catch((err: unknown) => {
        this.failures += 1;
        this.lastError = err instanceof Error ? err.message : String(err);
      })
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
