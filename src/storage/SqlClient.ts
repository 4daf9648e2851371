/**
 * The SQL the repositories need, alike on SQLite and PostgreSQL so that each is written once:
 * `$1` placeholders, BIGINT read as numbers, a unique index's refusal as {@link UniqueViolation}
 * (JSON columns come back as text from SQLite, as objects from PostgreSQL; the row mappers take
 * both). No transactions: every change is one statement, atomic on either database, whereas on
 * SQLite a transaction held across an `await` would take in other turns' statements meanwhile.
 */
export interface SqlClient {
  readonly dialect: 'sqlite' | 'postgres';
  rows<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Resolves once the change is committed, with how many rows it changed; throws UniqueViolation. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** A change that a unique index refused, on either database: a booking's reference or slot is taken. */
export class UniqueViolation extends Error {
  /** @param primaryKey the primary key refused it, not another unique index */
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
