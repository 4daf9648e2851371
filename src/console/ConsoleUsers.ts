import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ConfigError } from '../config/ConfigError';

/**
 * scrypt parameters: OWASP's Password Storage Cheat Sheet lists N=2^14, r=8, p=5 as one of the
 * equivalent minimums (with N=2^17, r=8, p=1); this one needs 16 MB per hash instead of 128 MB.
 */
export const SCRYPT_PARAMS = { N: 16384, r: 8, p: 5 } as const;
const KEY_LENGTH = 32;
/** Enough for N·r·128 bytes at the parameters accepted here. */
const MAX_MEMORY = 64 * 1024 * 1024;

interface StoredHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** Hash of a console password, as `scrypt:N:r:p:salt:hash` (base64); what CONSOLE_USERS holds. */
export function hashPassword(password: string, salt = randomBytes(16)): string {
  const { N, r, p } = SCRYPT_PARAMS;
  const hash = scryptSync(password, salt, KEY_LENGTH, { N, r, p, maxmem: MAX_MEMORY });
  return `scrypt:${N}:${r}:${p}:${salt.toString('base64')}:${hash.toString('base64')}`;
}

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** True when the parameters are below the minimum above (N·r·p less than 2^14·8·5). */
function weak(h: Pick<StoredHash, 'N' | 'r' | 'p'>): boolean {
  return h.N * h.r * h.p < SCRYPT_PARAMS.N * SCRYPT_PARAMS.r * SCRYPT_PARAMS.p;
}

/**
 * Receptionist accounts from configuration: `name=scrypt:N:r:p:salt:hash` entries separated by
 * commas (made by `npm run console:add-user`); older `name=scrypt:N:salt:hash` entries (r=8,
 * p=1) still work and are listed by {@link weakAccounts}. Passwords are checked with the async
 * scrypt (on libuv's thread pool, not the event loop), in constant time.
 */
export class ConsoleUsers {
  private readonly users = new Map<string, StoredHash>();

  constructor(spec: string) {
    for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
      const eq = entry.indexOf('=');
      const name = entry.slice(0, eq).trim();
      const parts = entry.slice(eq + 1).split(':');
      const numbers = parts.length === 6 ? parts.slice(1, 4) : parts.slice(1, 2);
      const ok = eq >= 1 && (parts.length === 4 || parts.length === 6) && parts[0] === 'scrypt' && numbers.every((n) => /^\d{1,9}$/.test(n));
      const [N, r, p] = parts.length === 6 ? numbers.map(Number) : [Number(parts[1]), 8, 1];
      if (!ok || !(N > 1 && (N & (N - 1)) === 0) || r < 1 || p < 1 || 128 * N * r > MAX_MEMORY) {
        throw new ConfigError(['CONSOLE_USERS: expected name=scrypt:N:r:p:salt:hash entries separated by commas (make them with npm run console:add-user)']);
      }
      const [salt, hash] = parts.slice(-2).map((b) => Buffer.from(b, 'base64'));
      this.users.set(name.toLowerCase(), { N, r, p, salt, hash });
    }
  }

  get size(): number {
    return this.users.size;
  }

  /** Accounts whose hash is below today's minimum: make a new entry with `npm run console:add-user`. */
  weakAccounts(): string[] {
    return [...this.users].filter(([, h]) => weak(h)).map(([name]) => name);
  }

  /** True when the name exists and the password matches. Takes as long for unknown names. */
  async verify(name: string, password: string): Promise<boolean> {
    const user = this.users.get(String(name).trim().toLowerCase());
    const { N, r, p } = user ?? SCRYPT_PARAMS;
    const hash = await scryptAsync(String(password), user?.salt ?? Buffer.alloc(16), { N, r, p, maxmem: MAX_MEMORY });
    return Boolean(user) && user!.hash.length === hash.length && timingSafeEqual(user!.hash, hash);
  }
}
