import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';

/**
 * One file served as is, read and compressed once on first use, with an ETag so a browser that
 * has it gets a 304. Serving Web Chat's bundle from here keeps the chat working with no CDN.
 */
export class StaticAsset {
  private loaded?: { body: Buffer; gzip: Buffer; etag: string };

  constructor(
    readonly path: string,
    private readonly contentType: string,
    private readonly cacheControl = 'public, max-age=300',
  ) {}

  /** The file's ETag (read on first use). */
  get etag(): string {
    this.load();
    return this.loaded!.etag;
  }

  /** Reads the file now, so a missing file stops start-up instead of the first visitor's chat. */
  load(): void {
    if (this.loaded) return;
    const body = readFileSync(this.path);
    this.loaded = { body, gzip: gzipSync(body), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  }

  serve(req: Request, res: Response, extraHeaders: Record<string, string> = {}): void {
    this.load();
    const { body, gzip, etag } = this.loaded!;
    const headers: Record<string, string | number> = {
      ...extraHeaders,
      'Content-Type': this.contentType,
      'Cache-Control': this.cacheControl,
      ETag: etag,
      Vary: 'Accept-Encoding',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const payload = acceptsGzip ? gzip : body;
    if (acceptsGzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = payload.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }
}
