import { startTestPostgres, type TestPostgres } from '../helpers/embeddedPostgres';

/**
 * Provisions what the suite needs without root or a system install: a PostgreSQL server from
 * the npm-shipped binaries, unless PG_TEST_URL names one. Test workers inherit the variable.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.PG_TEST_URL) return;
  const postgres = await startTestPostgres();
  process.env.PG_TEST_URL = postgres.url;
  (globalThis as { __fysioTestPostgres?: TestPostgres }).__fysioTestPostgres = postgres;
}
