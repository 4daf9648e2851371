import { isLoopbackHost } from '../util/loopback';

/**
 * Checks the shape of an incoming activity before the adapter sees it, so a malformed one gets
 * a 400 with a reason instead of an exception deeper down. Returns the problem, or undefined.
 */
export function activityProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body must be a JSON object (an activity)';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !a.type) return 'activity.type is required';
  const conversation = a.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation.id !== 'string' || !conversation.id) return 'activity.conversation.id is required';
  if (typeof a.serviceUrl !== 'string' || !/^https?:\/\//.test(a.serviceUrl)) return 'activity.serviceUrl must be an http(s) URL';
  if (a.text !== undefined && typeof a.text !== 'string') return 'activity.text must be a string';
  // Fields the bot reads as text: another type would fail the turn deep inside.
  for (const field of ['locale', 'textFormat', 'name', 'channelId', 'deliveryMode', 'id', 'replyToId'] as const) {
    if (a[field] !== undefined && a[field] !== null && typeof a[field] !== 'string') return `activity.${field} must be a string`;
  }
  const from = a.from as Record<string, unknown> | undefined;
  if (a.type === 'message' && (!from || typeof from.id !== 'string')) return 'activity.from.id is required for a message';
  return undefined;
}

/** True when replies may be sent to this serviceUrl by an anonymous bot. */
export function serviceUrlAllowed(serviceUrl: string, allowlist: string[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // Parsed addresses, not prefixes: `127.attacker.example` is a name anyone can point anywhere.
  if (isLoopbackHost(url.hostname)) return true;
  return allowlist.some((allowed) => {
    try {
      const a = new URL(allowed);
      return a.origin === url.origin;
    } catch {
      return false;
    }
  });
}
