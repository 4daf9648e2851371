import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

/** The database the PostgreSQL runs use. */
export interface BenchDatabase {
  url: string;
  /** True when a throw-away database was created for the run (and is dropped afterwards). */
  dedicated: boolean;
  drop(): Promise<void>;
}

/**
 * A throw-away database next to the one DATABASE_URL names, so that the bookings the load
 * writes do not stay behind and every run starts from an empty calendar. When the role may not
 * create databases, DATABASE_URL itself is used (and says so in the results).
 */
export async function benchDatabase(databaseUrl: string): Promise<BenchDatabase> {
  const name = `fysio_bench_${randomBytes(5).toString('hex')}`;
  const admin = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch {
    await admin.end();
    return { url: databaseUrl, dedicated: false, drop: async () => undefined };
  }
  await admin.end();
  const u = new URL(databaseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    dedicated: true,
    drop: async () => {
      const pool = new Pool({ connectionString: databaseUrl, max: 1 });
      try {
        await pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await pool.end();
      }
    },
  };
}
