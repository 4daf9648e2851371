/**
 * Versioned schema, one entry per version, for both backends. Applied in order at start-up
 * inside a transaction each; a version already recorded is skipped, so running twice is safe.
 * Never edit a released version: add a new one.
 */
export interface Migration {
  version: number;
  description: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'bot state (botbuilder Storage)',
    sqlite: `CREATE TABLE IF NOT EXISTS bot_state (
      key TEXT PRIMARY KEY,
      etag TEXT NOT NULL,
      data TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS bot_state_updated ON bot_state(updated_at);`,
    postgres: `CREATE TABLE IF NOT EXISTS bot_state (
      key TEXT PRIMARY KEY,
      etag TEXT NOT NULL,
      data JSONB NOT NULL,
      updated_at BIGINT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS bot_state_updated ON bot_state(updated_at);`,
  },
];
