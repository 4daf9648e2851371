import type { Pool } from 'pg';
import { UniqueViolation, type SqlClient } from './SqlClient';

/**
 * {@link SqlClient} on a pg pool: each statement on whichever connection is free, committed on
 * its own. BIGINT columns arrive as numbers because the pool parses them so (see
 * PostgresDatabase); milliseconds since 1970 fit a double exactly.
 */
export class PostgresClient implements SqlClient {
  readonly dialect = 'postgres';

  constructor(private readonly pool: Pool) {}

  async rows<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, [...params])).rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    try {
      return (await this.pool.query(sql, [...params])).rowCount ?? 0;
    } catch (err) {
      const e = err as { code?: string; constraint?: string };
      // 23505 is unique_violation; a primary key's constraint is named <table>_pkey.
      if (e.code === '23505') throw new UniqueViolation(e.constraint?.endsWith('_pkey') === true, err);
      throw err;
    }
  }
}
