import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * A random secret kept in the database under `name` (made by whichever instance asks first), so
 * that every instance on the database uses the same one: the web chat's token key.
 */
export async function sharedSecret(pool: Pool, name: string): Promise<Buffer> {
  await pool.query('INSERT INTO app_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, randomBytes(32).toString('base64')]);
  const { rows } = await pool.query<{ value: string }>('SELECT value FROM app_settings WHERE name = $1', [name]);
  return Buffer.from(rows[0].value, 'base64');
}
