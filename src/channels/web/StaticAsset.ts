import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'restify';

const compress = promisify(gzip);

/**
 * One file served as is, read once and compressed once, with an ETag so a browser that has it
 * gets a 304. Serving Web Chat's bundle from here keeps the chat working with no CDN. The
 * compression runs on the thread pool: done synchronously it held start-up for 0.12 s.
 */
export class StaticAsset {
  private loaded?: { body: Buffer; gzip: Promise<Buffer | undefined>; etag: string };

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
    // Should compression ever fail, the file is served uncompressed.
    const compressed = compress(body).catch(() => undefined);
    this.loaded = { body, gzip: compressed, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  }

  async serve(req: Request, res: Response, extraHeaders: Record<string, string> = {}): Promise<void> {
    this.load();
    const { body, etag } = this.loaded!;
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
    const gzipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? await this.loaded!.gzip : undefined;
    const payload = gzipped ?? body;
    if (gzipped) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = payload.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }
}
