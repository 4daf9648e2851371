import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in DATA_DIR that keeps the web chat's token key. */
export const TOKEN_KEY_FILE = 'webchat-token.key';

/**
 * The key that signs the web chat's Direct Line tokens, kept in DATA_DIR (readable by the
 * service's user only) so that a page's token survives a restart of the service: a patient
 * halfway through a booking reconnects to the same conversation instead of starting again.
 * Created on first use; a file too short to be a key is replaced.
 */
export function tokenKeyIn(dataDir: string): Buffer {
  const file = join(dataDir, TOKEN_KEY_FILE);
  if (existsSync(file)) {
    const key = readFileSync(file);
    if (key.length >= 32) return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
