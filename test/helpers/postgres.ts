import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

/**
 * A fresh, empty database on the PostgreSQL server of PG_TEST_URL, so test files running in
 * parallel never share tables. Fails with instructions when no server is configured.
 */
export async function freshPostgresUrl(): Promise<string> {
  const url = process.env.PG_TEST_URL;
  if (!url) throw new Error('PostgreSQL tests need PG_TEST_URL: jest.config.js starts a server from the npm-shipped binaries (test/setup/globalSetup.ts), or set PG_TEST_URL=postgres://user@127.0.0.1:PORT/db');
  const name = `fysio_test_${randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
