import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '../config/ConfigError';

const N = 16384;
const KEY_LENGTH = 32;

/** Hash of a console password, as `scrypt:N:salt:hash` (base64); what CONSOLE_USERS holds. */
export function hashPassword(password: string, salt = randomBytes(16)): string {
  const hash = scryptSync(password, salt, KEY_LENGTH, { N });
  return `scrypt:${N}:${salt.toString('base64')}:${hash.toString('base64')}`;
}

/**
 * Receptionist accounts from configuration: `name=scrypt:N:salt:hash` entries separated by
 * commas (made by `npm run console:add-user`). Checks passwords in constant time.
 */
export class ConsoleUsers {
  private readonly users = new Map<string, { n: number; salt: Buffer; hash: Buffer }>();

  constructor(spec: string) {
    for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
      const eq = entry.indexOf('=');
      const name = entry.slice(0, eq).trim();
      const parts = entry.slice(eq + 1).split(':');
      if (eq < 1 || parts.length !== 4 || parts[0] !== 'scrypt' || !/^\d+$/.test(parts[1])) {
        throw new ConfigError(['CONSOLE_USERS: expected name=scrypt:N:salt:hash entries separated by commas (make them with npm run console:add-user)']);
      }
      this.users.set(name.toLowerCase(), { n: Number(parts[1]), salt: Buffer.from(parts[2], 'base64'), hash: Buffer.from(parts[3], 'base64') });
    }
  }

  get size(): number {
    return this.users.size;
  }

  /** True when the name exists and the password matches. Takes as long for unknown names. */
  verify(name: string, password: string): boolean {
    const user = this.users.get(String(name).trim().toLowerCase());
    const salt = user?.salt ?? Buffer.alloc(16);
    const hash = scryptSync(String(password), salt, KEY_LENGTH, { N: user?.n ?? N });
    return Boolean(user) && user!.hash.length === hash.length && timingSafeEqual(user!.hash, hash);
  }
}
