/**
 * The little SQL the repositories need, alike on SQLite and PostgreSQL, so that each repository
 * is written once: statements with `$1`-style placeholders, BIGINT columns read as numbers, and
 * a unique index's refusal as one error. JSON columns come back as text from SQLite and as
 * objects from PostgreSQL; the row mappers take both.
 *
 * There is no transaction: every change a repository makes is one statement, atomic on either
 * database. (On SQLite a transaction held across an `await` would take in the statements other
 * turns run on the same connection meanwhile.)
 */
export interface SqlClient {
  readonly dialect: 'sqlite' | 'postgres';
  /** The rows a query returns. */
  rows<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs a statement that changes rows; resolves once it is committed, with how many it changed.
   *
   * @throws {UniqueViolation} when a unique index or the primary key refuses the change
   */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** A change that a unique index refused, on either database: a booking's reference or slot is taken. */
export class UniqueViolation extends Error {
  /** @param primaryKey whether the primary key refused it rather than another unique index */
  constructor(readonly primaryKey: boolean, cause: unknown) {
    super(primaryKey ? 'primary key already taken' : 'unique index refused the change', { cause });
    this.name = 'UniqueViolation';
  }
}

/** Inserts a row, one column per property of `row` (the columns are ours, never the patient's). */
export function insertRow(sql: SqlClient, table: string, row: object): Promise<number> {
  return sql.run(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${placeholders(Object.keys(row))})`, Object.values(row));
}

/** `$from, $from+1, …`: one placeholder per value, for `IN (…)`. */
export function placeholders(values: readonly unknown[], from = 1): string {
  return values.map((_, i) => `$${i + from}`).join(', ');
}
