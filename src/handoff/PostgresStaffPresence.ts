import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { StaffPresence } from './StaffPresence';

/** How often an open live queue says it is still there, and how long one that stopped counts. */
const BEAT_MS = 15_000;
const GONE_MS = 45_000;

/**
 * Open live queues of every instance on one PostgreSQL database: a row per open queue, renewed
 * while it stays open and deleted when it closes. An instance killed outright leaves rows that
 * stop counting once they are no longer renewed. Real time, not the app's clock: this is about
 * connections, not about the practice's day.
 */
export class PostgresStaffPresence implements StaffPresence {
  constructor(private readonly pool: Pool, private readonly onError: (err: unknown) => void = () => undefined) {}

  arrive(): () => void {
    const id = randomUUID();
    const beat = () => this.pool.query(
      'INSERT INTO staff_presence (id, seen_at) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET seen_at = EXCLUDED.seen_at', [id, Date.now()],
    ).catch(this.onError);
    const arrived = beat();
    const timer = setInterval(() => void beat(), BEAT_MS);
    timer.unref();
    let left = false;
    return () => {
      if (left) return;
      left = true;
      clearInterval(timer);
      void arrived.then(() => this.pool.query('DELETE FROM staff_presence WHERE id = $1', [id])).catch(this.onError);
    };
  }

  async any(): Promise<boolean> {
    const now = Date.now();
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_presence WHERE seen_at > $1', [now - GONE_MS]);
    return rows[0].n > 0;
  }
}
