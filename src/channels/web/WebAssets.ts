import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StaticAsset, type AssetTransform } from './StaticAsset';
import { trimWebChatStrings, type TrimmedBundle } from './WebChatStrings';

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

/**
 * Web Chat's own languages the page needs: the one Dutch pages are shown in (Web Chat shows
 * nl-BE in its nl-NL) and en-US, which Web Chat falls back to for a string a language lacks.
 */
export const WEB_CHAT_LANGUAGES = ['nl-NL', 'en-US'] as const;

/**
 * The page's files, found next to the sources and in node_modules. Web Chat's bundle is served
 * with the strings of languages other than {@link WEB_CHAT_LANGUAGES} emptied (see
 * trimWebChatStrings); `onTrim` hears what was done when that is worked out (not when a copy
 * from the cache folder is used).
 */
export function webAssets(options: { webChatBundlePath?: string; cacheDir?: string; onTrim?: (result: TrimmedBundle) => void } = {}): WebAssets {
  const publicDir = findPublicDir();
  const cacheDir = options.cacheDir ?? defaultAssetCacheDir();
  const js = 'text/javascript; charset=utf-8';
  const trim: AssetTransform = {
    // A new id when what trimWebChatStrings does or keeps changes, so no older copy is served.
    id: `strings-${WEB_CHAT_LANGUAGES.join('-')}.v1.js`,
    apply: (file) => {
      const markers = webChatMarkers();
      const result = typeof markers === 'string'
        ? { code: '', emptied: 0, removedChars: 0, untouched: markers }
        : trimWebChatStrings(file.toString('utf8'), markers);
      options.onTrim?.(result);
      return result.untouched ? file : Buffer.from(result.code, 'utf8');
    },
  };
  return {
    script: new StaticAsset(join(publicDir, 'chat.js'), js, ASSET_URL_BASE, cacheDir),
    stylesheet: new StaticAsset(join(publicDir, 'chat.css'), 'text/css; charset=utf-8', ASSET_URL_BASE, cacheDir),
    webChatBundle: new StaticAsset(options.webChatBundlePath ?? findWebChatBundle(), js, ASSET_URL_BASE, cacheDir, 'webchat.js', trim),
  };
}

/**
 * What tells {@link WEB_CHAT_LANGUAGES} apart in the bundle: each one's `TEXT_INPUT_PLACEHOLDER`
 * in Web Chat's own file for it; or why it could not be read.
 */
function webChatMarkers(): Record<string, string> | string {
  const root = packageRoot();
  const folders = [
    join(root, 'node_modules', 'botframework-webchat-api', 'lib', 'localization'),
    join(root, 'node_modules', 'botframework-webchat', 'node_modules', 'botframework-webchat-api', 'lib', 'localization'),
  ];
  const folder = folders.find((f) => existsSync(join(f, 'en-US.json')));
  if (!folder) return `Web Chat's language files are not in ${folders.join(' or ')}`;
  const markers: Record<string, string> = {};
  for (const language of WEB_CHAT_LANGUAGES) {
    try {
      const strings = JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8')) as Record<string, unknown>;
      const marker = strings.TEXT_INPUT_PLACEHOLDER;
      if (typeof marker !== 'string' || !marker) return `${language}.json has no TEXT_INPUT_PLACEHOLDER`;
      markers[language] = marker;
    } catch (err) {
      return `${language}.json: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return markers;
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
 * bundle's 639 KB (324 KB with the other languages' strings emptied). It lacks Adaptive Cards, speech and a Markdown renderer; the bot sends no
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
