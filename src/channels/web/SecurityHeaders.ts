import type { Response } from 'restify';

/**
 * The hash of an empty `<style>`. Emotion (Web Chat's styling) inserts empty style elements and
 * fills them through the CSSOM, which CSP does not police; one of Web Chat's dependencies
 * (react-scroll-to-bottom, whose rules make the transcript scroll) does so without the nonce.
 * Allowing only *empty* inline styles keeps injected `<style>` content blocked.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** What varies in the chat page's Content-Security-Policy. */
export interface CspOptions {
  /** Per-response nonce for the `<style>` elements Web Chat (emotion) inserts at run time. */
  styleNonce?: string;
  /** Config's FRAME_ANCESTORS, e.g. `'self' https://www.praktijk.nl`. */
  frameAncestors: string;
  /** Origins besides 'self' that the page may fetch from (Azure's Direct Line when it is used). */
  connectSrc?: string[];
}

/**
 * The chat page's Content-Security-Policy: only this server's scripts; styles from this server
 * plus, by nonce, the ones Web Chat adds (no 'unsafe-inline'); network only to this server or
 * the Direct Line service.
 */
export function contentSecurityPolicy(options: CspOptions): string {
  const style = ["'self'", ...(options.styleNonce ? [`'nonce-${options.styleNonce}'`] : []), EMPTY_STYLE_HASH];
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${style.join(' ')}`,
    // Web Chat shows icons as data: images and its typing animation as blob: GIFs it makes itself.
    "img-src 'self' data: blob:",
    `connect-src ${["'self'", ...(options.connectSrc ?? [])].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${sanitizeSourceList(options.frameAncestors) || "'self'"}`,
  ].join('; ');
}

/** Keeps a source list to one directive: no `;`, `,` or line breaks can smuggle in another. */
export function sanitizeSourceList(value: string): string {
  return value.replace(/[;,\r\n]/g, ' ').split(/\s+/).filter(Boolean).join(' ');
}

/** Headers for every response of the web channel: the policy, no sniffing, no referrer. */
export function applySecurityHeaders(res: Response, csp?: string): void {
  if (csp) res.header('Content-Security-Policy', csp);
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'no-referrer');
  res.header('Cross-Origin-Opener-Policy', 'same-origin');
  res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
}
