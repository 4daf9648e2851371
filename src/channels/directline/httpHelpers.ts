import type { Request, Response } from 'restify';

/** The bearer token of the request, or undefined when there is none. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** A Direct Line style error body (`{error: {code, message}}`), never cached. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.header('Cache-Control', 'no-store');
  res.json(status, { error: { code, message } });
}

/** A JSON answer that browsers and proxies must not keep: tokens and conversations are private. */
export function sendPrivateJson(res: Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.json(status, body);
}

/** A query parameter, read without restify's queryParser plugin. */
export function queryParam(req: Request, name: string): string | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}
