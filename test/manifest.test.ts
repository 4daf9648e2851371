import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APP_ID_PLACEHOLDER,
  PACKAGE_ENTRIES,
  PRACTICE_COLOR,
  TEAMS_ICON_SIZES,
  buildManifest,
  bundledSchemaVersions,
  decodePng,
  drawColorIcon,
  drawOutlineIcon,
  readPngSize,
  validateManifest,
  writePackage,
  type TeamsManifest,
} from '../src/channels/teams';
import { parseConfig } from '../src/config';
import { ConfigError } from '../src/config/ConfigError';
import { loadValidatedKnowledge } from '../src/knowledge';
import { Router } from '../src/understanding';
import { readZipEntries } from './helpers/zipEntries';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const template = JSON.parse(readFileSync('manifest/manifest.template.json', 'utf8')) as unknown;
const colorPng = readFileSync('manifest/color.png');
const outlinePng = readFileSync('manifest/outline.png');
const filled = (): TeamsManifest => buildManifest(APP_ID, template);

interface Bot {
  botId?: string;
  scopes: string[];
  commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
}
const botOf = (m: TeamsManifest) => (m.bots as Bot[])[0];

/** Runs the `npm run manifest` script the way npm does, from the repository root. */
function runCli(env: Record<string, string>, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/manifest.ts', ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('Teams app manifest', () => {
  let router: Router;
  beforeAll(() => {
    const config = parseConfig({});
    router = new Router(loadValidatedKnowledge('knowledge'), { thresholds: config.router, maxChars: config.maxMessageChars });
  });

  it('validates against the official schema, offline, once the app id is filled in', () => {
    const manifest = filled();
    expect(validateManifest(manifest)).toEqual([]);
    expect(manifest.id).toBe(APP_ID);
    expect(botOf(manifest).botId).toBe(APP_ID);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(JSON.stringify(template)).toContain(APP_ID_PLACEHOLDER);
  });

  it('is on a stable bundled schema and points its $schema at that same version', () => {
    const manifest = filled();
    expect(bundledSchemaVersions()).toContain(manifest.manifestVersion);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${String(manifest.manifestVersion)}/MicrosoftTeams.schema.json`);
  });

  it('offers the bot in personal chat only, with Dutch names that fit Teams', () => {
    const manifest = filled();
    const bot = botOf(manifest);
    expect(bot.scopes).toEqual(['personal']);
    expect(manifest.defaultInstallScope).toBe('personal');
    const name = manifest.name as { short: string };
    expect(name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.accentColor).toBe(PRACTICE_COLOR);
  });

  it.each<[string, 'nl-NL' | 'nl-BE', string]>([
    ['help', 'nl-NL', 'help'],
    ['afspraak maken', 'nl-NL', 'booking'],
    ['iemand spreken', 'nl-NL', 'handoff'],
    ['opnieuw', 'nl-NL', 'restart'],
    ['help', 'nl-BE', 'help'],
    ['afspraak maken', 'nl-BE', 'booking'],
    ['iemand spreken', 'nl-BE', 'handoff'],
    ['opnieuw', 'nl-BE', 'restart'],
  ])('has a command "%s" that the bot (%s) understands as %s', (title, locale, intent) => {
    // Picking a command in Teams sends its title as the message text.
    const commands = botOf(filled()).commandLists.flatMap((l) => l.commands);
    expect(commands.map((c) => c.title)).toContain(title);
    expect(router.route(title, { locale }).intent).toBe(intent);
  });

  it.each<[string, (m: Record<string, unknown>) => void, string]>([
    ['a bot without a bot id', (m) => delete botOf(m).botId, 'bots/0/botId'],
    ['a bot id that is not a GUID', (m) => (botOf(m).botId = 'fysio-bot'), 'bots/0/botId'],
    ['an app version that is not x.y.z', (m) => (m.version = 'versie 1'), 'version'],
    ['an unknown manifest version', (m) => (m.manifestVersion = '1.99'), 'manifestVersion'],
    ['a short name over 30 characters', (m) => ((m.name as { short: string }).short = 'Fysiotherapie De Beweegreden Assistent'), 'name/short'],
    ['no developer privacy page', (m) => delete (m.developer as Record<string, unknown>).privacyUrl, 'developer/privacyUrl'],
    ['an icon the package does not hold', (m) => ((m.icons as Record<string, unknown>).color = 'logo.png'), 'icons/color'],
  ])('refuses %s, naming the field', (_name, breakIt, field) => {
    const manifest = filled();
    breakIt(manifest);
    const problems = validateManifest(manifest);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.startsWith(`${field}:`))).toBe(true);
  });

  it.each([
    [undefined, 'not set'],
    ['', 'not set'],
    ['fysio-bot', 'not a GUID'],
    [`${APP_ID}-extra`, 'not a GUID'],
  ])('refuses app id %j, naming MicrosoftAppId', (appId, why) => {
    expect(() => buildManifest(appId, template)).toThrow(ConfigError);
    expect(() => buildManifest(appId, template)).toThrow(new RegExp(`MicrosoftAppId: ${why}`));
  });

  it('refuses a template with a placeholder nobody fills', () => {
    expect(() => buildManifest(APP_ID, { id: APP_ID_PLACEHOLDER, developer: { name: '${{PRACTICE_NAME}}' } })).toThrow(/PRACTICE_NAME/);
  });
});

describe('Teams app icons', () => {
  it('are the sizes Teams requires: 192×192 colour and 32×32 outline', () => {
    expect(readPngSize(colorPng)).toEqual({ width: TEAMS_ICON_SIZES.color, height: TEAMS_ICON_SIZES.color });
    expect(readPngSize(outlinePng)).toEqual({ width: TEAMS_ICON_SIZES.outline, height: TEAMS_ICON_SIZES.outline });
  });

  it('has an outline icon that is white on transparent only', () => {
    const { data } = decodePng(outlinePng);
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      opaque++;
      expect([data[i], data[i + 1], data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(100);
    expect(opaque).toBeLessThan(32 * 32 * 0.75);
  });

  it('has a colour icon in the practice colour with a white mark', () => {
    const { width, data } = decodePng(colorPng);
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
    const practice = [1, 3, 5].map((i) => Number.parseInt(PRACTICE_COLOR.slice(i, i + 2), 16));
    expect(pixel(20, 96)).toEqual([...practice, 255]);
    let white = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255 && data[i + 3] === 255) white++;
    expect(white).toBeGreaterThan(192 * 192 * 0.05);
  });

  it('are what manifest/make-icons.ts draws (regenerate them after changing the drawing)', () => {
    expect(Buffer.from(decodePng(colorPng).data).equals(Buffer.from(drawColorIcon().data))).toBe(true);
    expect(Buffer.from(decodePng(outlinePng).data).equals(Buffer.from(drawOutlineIcon().data))).toBe(true);
  });
});

describe('Teams app package', () => {
  const out = () => join(mkdtempSync(join(tmpdir(), 'teams-app-')), 'teams-app.zip');

  it('holds exactly manifest.json, color.png and outline.png, with the filled manifest', async () => {
    const file = out();
    await writePackage({ manifest: filled(), colorPng, outlinePng }, file);
    const entries = readZipEntries(readFileSync(file));
    expect(entries.map((e) => e.name)).toEqual([...PACKAGE_ENTRIES]);
    const manifest = JSON.parse(entries[0].data.toString('utf8')) as TeamsManifest;
    expect(manifest.id).toBe(APP_ID);
    expect(validateManifest(manifest)).toEqual([]);
    expect(entries[1].data.equals(colorPng)).toBe(true);
    expect(entries[2].data.equals(outlinePng)).toBe(true);
  });

  it('refuses icons of the wrong size and writes nothing', async () => {
    const file = out();
    const error = await writePackage({ manifest: filled(), colorPng: outlinePng, outlinePng: colorPng }, file).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['color.png: must be 192×192 pixels, is 32×32', 'outline.png: must be 32×32 pixels, is 192×192']);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an invalid manifest and writes nothing', async () => {
    const file = out();
    const manifest = filled();
    delete botOf(manifest).botId;
    await expect(writePackage({ manifest, colorPng, outlinePng }, file)).rejects.toThrow(/bots\/0\/botId/);
    expect(existsSync(file)).toBe(false);
  });

  it('is written by `npm run manifest` with MicrosoftAppId set', async () => {
    const file = out();
    const r = await runCli({ MicrosoftAppId: APP_ID }, ['--out', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(file);
    const entries = readZipEntries(readFileSync(file));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(entries[0].data.toString('utf8')) as TeamsManifest;
    expect([manifest.id, botOf(manifest).botId]).toEqual([APP_ID, APP_ID]);
  });

  it.each([
    ['missing', ''],
    ['not a GUID', 'my-bot'],
  ])('is refused by `npm run manifest` when MicrosoftAppId is %s', async (_case, appId) => {
    // An empty value in the environment also wins over a developer's .env.
    const file = out();
    const r = await runCli({ MicrosoftAppId: appId }, ['--out', file]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('MicrosoftAppId');
    expect(existsSync(file)).toBe(false);
  });
});
