import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, Response } from 'restify';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** A year: what a URL that changes with its content may be cached for. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

type Encoding = 'br' | 'gzip';

/** A change made to a file before it is served; `id` names it (and its version) in the cache folder. */
export interface AssetTransform {
  id: string;
  apply(file: Buffer): Buffer;
}

/**
 * One file served as is under a URL with its content's hash, so browsers keep it for a year and
 * a new version gets a new URL. It is served brotli- or gzip-compressed as the browser accepts.
 * Compressing Web Chat's bundle with brotli's best setting takes many seconds, so the compressed
 * copies are kept in a cache folder (filled by `npm run build`) under the content hash; with no
 * copy there, they are made on the thread pool after start-up and gzip or the plain file is
 * served until they are ready.
 */
export class StaticAsset {
  private loaded?: { body: Buffer; hash: string; encoded: Partial<Record<Encoding, Buffer>>; ready: Promise<void> };

  /**
   * @param path the file on disk
   * @param urlBase the folder of its URL, e.g. `/webchat/`
   * @param cacheDir where compressed copies are kept; none: made in memory at every start
   * @param urlName the name in the URL, before the hash is added; the file's own when absent
   * @param transform what is served instead of the file as it is on disk, made when first read;
   *   with a cache folder it is kept there under the file's hash and `transform.id`, so a restart
   *   reads it instead of making it again
   */
  constructor(
    readonly path: string,
    private readonly contentType: string,
    private readonly urlBase: string,
    private readonly cacheDir?: string,
    private readonly urlName = basename(path),
    private readonly transform?: AssetTransform,
  ) {}

  /** The URL with the content hash, e.g. `/webchat/chat.3f2a9c0d1e2b4a5c.js`. */
  get url(): string {
    const { hash } = this.load();
    const name = this.urlName;
    const dot = name.lastIndexOf('.');
    return `${this.urlBase}${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
  }

  /** Resolves when both compressed copies exist (and are in the cache folder when it is writable). */
  get ready(): Promise<void> {
    return this.load().ready;
  }

  /** Reads the file now, so a missing file stops start-up instead of the first visitor's chat. */
  load(): NonNullable<StaticAsset['loaded']> {
    if (this.loaded) return this.loaded;
    const file = readFileSync(this.path);
    const body = this.transform ? this.transformed(file, this.transform) : file;
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const encoded: Partial<Record<Encoding, Buffer>> = {};
    const loaded = { body, hash, encoded, ready: Promise.resolve() };
    this.loaded = loaded;
    loaded.ready = Promise.all([
      this.compressed('gzip', () => gzipped(body, { level: 9 })),
      this.compressed('br', () => brotli(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      })),
    ]).then(() => undefined);
    return loaded;
  }

  async serve(req: Request, res: Response, extraHeaders: Record<string, string> = {}): Promise<void> {
    const { body, hash, encoded } = this.load();
    // Weak: the same tag for every encoding of the same content.
    const etag = `W/"${hash}"`;
    const headers: Record<string, string | number> = {
      ...extraHeaders,
      'Content-Type': this.contentType,
      'Cache-Control': IMMUTABLE,
      ETag: etag,
      Vary: 'Accept-Encoding',
    };
    if (String(req.headers['if-none-match'] ?? '').split(',').map((s) => s.trim().replace(/^W\//, '')).includes(`"${hash}"`)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const encoding = chooseEncoding(String(req.headers['accept-encoding'] ?? ''), encoded);
    const payload = encoding ? encoded[encoding]! : body;
    if (encoding) headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = payload.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  /** The transform's output for this file: from the cache folder, or made now (and then kept there). */
  private transformed(file: Buffer, transform: AssetTransform): Buffer {
    const fileHash = createHash('sha256').update(file).digest('hex').slice(0, 16);
    const cached = this.cacheDir ? join(this.cacheDir, `${basename(this.path)}.${fileHash}.${transform.id}`) : undefined;
    if (cached) {
      try {
        return readFileSync(cached);
      } catch {
        // Not made yet.
      }
    }
    const made = transform.apply(file);
    // A file the transform left as it was is not copied: it is read as it is next time.
    if (cached && made !== file) writeAtomically(cached, made);
    return made;
  }

  /** The cached copy, or a new one (then cached); should compressing fail, the file goes uncompressed. */
  private async compressed(encoding: Encoding, make: () => Promise<Buffer>): Promise<void> {
    const { hash } = this.loaded!;
    const cached = this.cacheDir ? join(this.cacheDir, `${basename(this.path)}.${hash}.${encoding === 'br' ? 'br' : 'gz'}`) : undefined;
    if (cached) {
      try {
        this.loaded!.encoded[encoding] = readFileSync(cached);
        return;
      } catch {
        // Not made yet.
      }
    }
    try {
      const data = await make();
      this.loaded!.encoded[encoding] = data;
      if (cached) writeAtomically(cached, data);
    } catch {
      // Served uncompressed.
    }
  }
}

/** Best effort: a read-only install (a container's node_modules) compresses in memory instead. */
function writeAtomically(path: string, data: Buffer): void {
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch {
    // Kept in memory only.
  }
}

/** brotli when accepted and ready, else gzip, else none; `;q=0` refuses an encoding. */
export function chooseEncoding(acceptEncoding: string, available: Partial<Record<Encoding, Buffer>>): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [token, ...params] = part.trim().split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (token && !(q && Number(q.slice(2)) === 0)) accepted.add(token);
  }
  if (available.br && (accepted.has('br') || accepted.has('*'))) return 'br';
  if (available.gzip && (accepted.has('gzip') || accepted.has('*'))) return 'gzip';
  return undefined;
}
