import { Pool, types } from 'pg';
import { UniqueViolation, type SqlClient } from './SqlClient';

/**
 * A pool that reads BIGINT (our milliseconds, counts) as numbers, not strings (a double holds
 * these exactly), and replaces a lost idle connection (a database restart) instead of crashing.
 */
export function openPool(url: string, max: number, connectionTimeoutMillis = 5000): Pool {
  const bigintAsNumber = (oid: number, format?: 'text' | 'binary') => (oid === types.builtins.INT8 ? Number : types.getTypeParser(oid, format));
  const pool = new Pool({ connectionString: url, max, connectionTimeoutMillis, idleTimeoutMillis: 30000, types: { getTypeParser: bigintAsNumber } });
  pool.on('error', () => undefined);
  return pool;
}

/** {@link SqlClient} on a pool from {@link openPool}: each statement on any free connection, committed on its own. */
export class PostgresClient implements SqlClient {
  readonly dialect = 'postgres';

  constructor(private readonly pool: Pool) {}

  async rows<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, [...params])).rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const result = await this.pool.query(sql, [...params]).catch((err: { code?: string; constraint?: string }) => {
      // 23505 is unique_violation; a primary key's constraint is named <table>_pkey.
      throw err.code === '23505' ? new UniqueViolation(err.constraint?.endsWith('_pkey') === true, err) : err;
    });
    return result.rowCount ?? 0;
  }
}
