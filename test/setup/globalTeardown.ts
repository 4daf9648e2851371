import type { TestPostgres } from '../helpers/embeddedPostgres';

/** Stops the PostgreSQL server that globalSetup started, if it started one. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __fysioTestPostgres?: TestPostgres };
  await holder.__fysioTestPostgres?.stop();
  delete holder.__fysioTestPostgres;
}
