import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { StaticAsset } from '../src/channels/web/StaticAsset';
import { startWebApp, type WebTestApp } from './helpers/webChannel';

// The chat page's files over real HTTP: compressed as the browser accepts, under URLs with their
// content's hash that may be cached for a year; the page itself asked for again every time.

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

function fetchRaw(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // A connection of its own: a kept-alive one the server closes as it is reused resets.
    get(new URL(path, base), { headers, agent: false }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

function decoded(a: Answer): string {
  const e = a.headers['content-encoding'];
  return (e === 'br' ? brotliDecompressSync(a.body) : e === 'gzip' ? gunzipSync(a.body) : a.body).toString('utf8');
}

async function assetUrls(base: string): Promise<string[]> {
  const html = (await fetchRaw(base, '/')).body.toString('utf8');
  return [...html.matchAll(/(?:src|href)="(\/webchat\/[^"]+)"/g)].map((m) => m[1]);
}

describe('web chat files', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web.close());

  it('names every file of the page by its content hash, and has the page itself asked for again every time', async () => {
    const page = await fetchRaw(web.base, '/');
    expect(page.headers['cache-control']).toBe('no-cache');
    const urls = await assetUrls(web.base);
    expect(urls).toHaveLength(3);
    expect(urls).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\/webchat\/chat\.[0-9a-f]{16}\.css$/),
      expect.stringMatching(/^\/webchat\/chat\.[0-9a-f]{16}\.js$/),
      expect.stringMatching(/^\/webchat\/webchat\.[0-9a-f]{16}\.js$/),
    ]));
  });

  it.each([
    ['br, gzip, deflate', 'brotli', 'br'],
    ['gzip, deflate, br;q=0', 'gzip', 'gzip'],
    ['gzip', 'gzip', 'gzip'],
    ['identity', 'the file itself', undefined],
  ])('with Accept-Encoding "%s" serves each file as %s, the same content, cacheable for a year', async (accept, _label, encoding) => {
    for (const url of await assetUrls(web.base)) {
      const plain = await fetchRaw(web.base, url);
      const answer = await fetchRaw(web.base, url, { 'accept-encoding': accept });
      expect([url, answer.status, answer.headers['content-encoding']]).toEqual([url, 200, encoding]);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
      expect(decoded(answer)).toBe(plain.body.toString('utf8'));
      if (encoding) expect(answer.body.length).toBeLessThan(plain.body.length / 2);
    }
  });

  it('compresses a file it has no copies of yet, keeps the copies, and gives changed content a new URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fysio-assets-'));
    const bundle = join(dir, 'webchat.js');
    writeFileSync(bundle, `window.WebChat = {}; // ${'een versie van de chat '.repeat(500)}`);
    const cacheDir = join(dir, 'cache');
    const first = await startWebApp({}, { webChatBundlePath: bundle, assetCacheDir: cacheDir });
    let firstUrl = '';
    try {
      firstUrl = (await assetUrls(first.base)).find((u) => u.includes('/webchat.'))!;
      // Compressing runs after start-up; the copies land in the cache folder, made when the first is written.
      const copies = () => (existsSync(cacheDir) ? readdirSync(cacheDir) : []).filter((f) => f.startsWith('webchat.js.'));
      const done = () => copies().filter((f) => /\.(br|gz)$/.test(f)).length === 2;
      for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(copies().sort()).toEqual([
        expect.stringMatching(/^webchat\.js\.[0-9a-f]{16}\.br$/),
        expect.stringMatching(/^webchat\.js\.[0-9a-f]{16}\.gz$/),
      ]);
      const br = await fetchRaw(first.base, firstUrl, { 'accept-encoding': 'br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(decoded(br)).toContain('een versie van de chat');
    } finally {
      await first.close();
    }
    writeFileSync(bundle, `window.WebChat = {}; // ${'een nieuwe versie '.repeat(500)}`);
    const second = await startWebApp({}, { webChatBundlePath: bundle, assetCacheDir: cacheDir });
    try {
      const secondUrl = (await assetUrls(second.base)).find((u) => u.includes('/webchat.'))!;
      expect(secondUrl).not.toBe(firstUrl);
      expect((await fetchRaw(second.base, firstUrl)).status).toBe(404);
      expect(decoded(await fetchRaw(second.base, secondUrl, { 'accept-encoding': 'gzip' }))).toContain('een nieuwe versie');
    } finally {
      await second.close();
    }
  });

  it('serves Web Chat\'s bundle with its own words in the page\'s languages only', async () => {
    const strings = (language: string) => JSON.parse(readFileSync(join('node_modules', 'botframework-webchat-api', 'lib', 'localization', `${language}.json`), 'utf8')) as Record<string, string>;
    const installed = readFileSync(join('node_modules', 'botframework-webchat', 'dist', 'webchat-minimal.js'), 'utf8');
    const url = (await assetUrls(web.base)).find((u) => u.includes('/webchat.'))!;
    const code = decoded(await fetchRaw(web.base, url, { 'accept-encoding': 'br' }));
    // Dutch (nl-BE pages too) and Web Chat's fallback, English, stay; German, for one, is gone.
    expect(code).toContain(strings('nl-NL').TEXT_INPUT_PLACEHOLDER);
    expect(code).toContain(strings('en-US').TEXT_INPUT_PLACEHOLDER);
    expect(code).not.toContain(strings('de-DE').TEXT_INPUT_PLACEHOLDER);
    expect(installed.length - code.length).toBeGreaterThan(300_000);
  });

  it('makes a changed copy of a file once and keeps it for the next start; a file left as it was is not copied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fysio-assets-'));
    const path = join(dir, 'bundle.js');
    writeFileSync(path, 'window.A = "alle talen";');
    const cacheDir = join(dir, 'cache');
    let made = 0;
    const shorten = { id: 'short.v1.js', apply: (file: Buffer) => { made += 1; return Buffer.from(file.toString('utf8').replace('alle talen', 'twee'), 'utf8'); } };
    const first = new StaticAsset(path, 'text/javascript', '/webchat/', cacheDir, 'bundle.js', shorten);
    expect(first.load().body.toString('utf8')).toBe('window.A = "twee";');
    const again = new StaticAsset(path, 'text/javascript', '/webchat/', cacheDir, 'bundle.js', shorten);
    expect([again.load().body.toString('utf8'), again.url, made]).toEqual(['window.A = "twee";', first.url, 1]);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.short.v1.js'))).toHaveLength(1);
    const asIs = { id: 'same.v1.js', apply: (file: Buffer) => file };
    expect(new StaticAsset(path, 'text/javascript', '/webchat/', cacheDir, 'bundle.js', asIs).load().body.toString('utf8')).toBe('window.A = "alle talen";');
    await Promise.all([first.ready, again.ready]);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.same.v1.js'))).toEqual([]);
  });

  it('answers 304 to a browser that has the file, whatever encoding it got it in', async () => {
    const url = (await assetUrls(web.base))[0];
    const first = await fetchRaw(web.base, url, { 'accept-encoding': 'br' });
    const again = await fetchRaw(web.base, url, { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });
});
