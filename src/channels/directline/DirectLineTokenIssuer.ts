import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../util/Clock';

/** What a Direct Line token grants: one conversation, for one user, until `expiresAt`. */
export interface DirectLineTokenClaims {
  conversationId: string;
  userId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/** A freshly signed token and its lifetime in seconds, as Direct Line reports it (`expires_in`). */
export interface IssuedToken {
  token: string;
  expiresIn: number;
}

const VERSION = 'dl1';

/**
 * Signs and checks the short-lived tokens of the bot's own Direct Line endpoint. A token is
 * `dl1.<claims>.<hmac>`: stateless, so nothing has to be stored per token, and bound to one
 * conversation so a token cannot read or write anyone else's chat. The key is random per
 * process unless one is passed in (several instances behind one address would need the same key).
 */
export class DirectLineTokenIssuer {
  private readonly key: Buffer;

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
    key?: Buffer | string,
  ) {
    this.key = key === undefined ? randomBytes(32) : Buffer.isBuffer(key) ? key : Buffer.from(key, 'utf8');
    if (this.key.length < 16) throw new Error('Direct Line token key: expected at least 16 bytes');
  }

  /** A token for the conversation, valid for the configured TTL from now. */
  issue(conversationId: string, userId: string): IssuedToken {
    const expiresAt = Math.floor(this.clock.now().getTime() / 1000) + this.ttlSeconds;
    const claims = Buffer.from(JSON.stringify({ c: conversationId, u: userId, e: expiresAt }), 'utf8').toString('base64url');
    const body = `${VERSION}.${claims}`;
    return { token: `${body}.${this.sign(body)}`, expiresIn: this.ttlSeconds };
  }

  /** The token's claims when its signature is ours and it has not expired; otherwise undefined. */
  verify(token: string): DirectLineTokenClaims | undefined {
    if (token.length > 1024) return undefined;
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION) return undefined;
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`), 'utf8');
    const given = Buffer.from(parts[2], 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (typeof raw !== 'object' || raw === null) return undefined;
    const { c, u, e } = raw as Record<string, unknown>;
    if (typeof c !== 'string' || typeof u !== 'string' || typeof e !== 'number') return undefined;
    if (e <= this.clock.now().getTime() / 1000) return undefined;
    return { conversationId: c, userId: u, expiresAt: e };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** A random id that is safe in URLs and in activity ids (`conversation|seq`). */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
