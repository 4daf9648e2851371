import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StaticAsset } from './StaticAsset';

/** The chat page's script, style and Web Chat's bundle. */
export interface WebAssets {
  script: StaticAsset;
  stylesheet: StaticAsset;
  webChatBundle: StaticAsset;
}

/** Where the hashed asset URLs live. */
export const ASSET_URL_BASE = '/webchat/';

/** Where compressed copies are kept between starts: a build cache inside the project. */
export function defaultAssetCacheDir(): string {
  return join(packageRoot(), 'node_modules', '.cache', 'fysio-assistent', 'webchat');
}

/** The page's files, found next to the sources and in node_modules. */
export function webAssets(options: { webChatBundlePath?: string; cacheDir?: string } = {}): WebAssets {
  const publicDir = findPublicDir();
  const cacheDir = options.cacheDir ?? defaultAssetCacheDir();
  const js = 'text/javascript; charset=utf-8';
  return {
    script: new StaticAsset(join(publicDir, 'chat.js'), js, ASSET_URL_BASE, cacheDir),
    stylesheet: new StaticAsset(join(publicDir, 'chat.css'), 'text/css; charset=utf-8', ASSET_URL_BASE, cacheDir),
    webChatBundle: new StaticAsset(options.webChatBundlePath ?? findWebChatBundle(), js, ASSET_URL_BASE, cacheDir, 'webchat.js'),
  };
}

/** The folder with chat.js and chat.css, next to this file in the sources (also when running from dist/). */
function findPublicDir(): string {
  const beside = join(__dirname, 'public');
  if (existsSync(join(beside, 'chat.js'))) return beside;
  const fromRoot = join(packageRoot(), 'src', 'channels', 'web', 'public');
  if (existsSync(join(fromRoot, 'chat.js'))) return fromRoot;
  throw new Error(`web channel: chat.js not found in ${beside} or ${fromRoot}`);
}

/**
 * Web Chat's minimal bundle in the installed package: 374 KB with brotli against the full
 * bundle's 639 KB. It lacks Adaptive Cards, speech and a Markdown renderer; the bot sends no
 * cards to the page (see ActivityRenderer) and chat.js renders the Markdown.
 */
function findWebChatBundle(): string {
  const path = join(packageRoot(), 'node_modules', 'botframework-webchat', 'dist', 'webchat-minimal.js');
  if (!existsSync(path)) throw new Error(`web channel: ${path} is missing; run npm install`);
  return path;
}

/** The nearest folder upwards with a package.json: the project, from src/ or dist/src/. */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
