import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ZipFile } from 'yazl';
import { ConfigError } from '../../config/ConfigError';
import { readPngSize } from './PngCodec';
import { TEAMS_ICON_SIZES } from './TeamsIcons';

/** A Teams app manifest as parsed JSON. */
export type TeamsManifest = Record<string, unknown>;

/** The placeholder in `manifest/manifest.template.json` that {@link buildManifest} fills. */
export const APP_ID_PLACEHOLDER = '${{MicrosoftAppId}}';

/** The files of a Teams app package, in the order they are zipped; nothing else goes in. */
export const PACKAGE_ENTRIES = ['manifest.json', 'color.png', 'outline.png'] as const;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
// A fixed timestamp: rebuilding from unchanged inputs gives an identical package.
const ZIP_MTIME = new Date('2025-01-01T00:00:00Z');

/** True for a GUID such as an Azure bot's Microsoft App ID. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fill(value: unknown, appId: string, unfilled: Set<string>): unknown {
  if (typeof value === 'string') {
    const filled = value.split(APP_ID_PLACEHOLDER).join(appId);
    for (const m of filled.matchAll(PLACEHOLDER)) unfilled.add(m[1]);
    return filled;
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, appId, unfilled));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, appId, unfilled)]));
  return value;
}

/**
 * Fills the manifest template: every `${{MicrosoftAppId}}` becomes the bot's app id, which Teams
 * uses as the app's `id` and `bots[0].botId`. Refuses (ConfigError naming MicrosoftAppId) an id
 * that is missing or not a GUID, and a template with placeholders nobody fills.
 */
export function buildManifest(appId: string | undefined, template: unknown): TeamsManifest {
  const id = (appId ?? '').trim();
  if (!id) throw new ConfigError(['MicrosoftAppId: not set; set it to the Azure Bot\'s Microsoft App ID (a GUID), in the environment or .env']);
  // The value is not echoed: a wrong value may be a secret pasted into the wrong variable.
  if (!isGuid(id)) throw new ConfigError(['MicrosoftAppId: not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)']);
  if (!isObject(template)) throw new ConfigError(['manifest template: must be a JSON object']);
  const unfilled = new Set<string>();
  const manifest = fill(template, id, unfilled) as TeamsManifest;
  if (unfilled.size) {
    throw new ConfigError([...unfilled].map((name) => `manifest template: placeholder \${{${name}}} has no value (only ${APP_ID_PLACEHOLDER} is filled)`));
  }
  return manifest;
}

function schemaRoot(): string {
  // Resolution only (no loading): the schemas are data files inside the package.
  return join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
}

/**
 * The stable manifest schema versions bundled with @microsoft/app-manifest, oldest first
 * (devPreview excluded: Teams does not accept it for production apps).
 */
export function bundledSchemaVersions(): string[] {
  const versionKey = (v: string) => v.split('.').map(Number);
  return readdirSync(schemaRoot())
    .filter((d) => /^v\d+\.\d+$/.test(d) && existsSync(join(schemaRoot(), d, 'MicrosoftTeams.schema.json')))
    .map((d) => d.slice(1))
    .sort((a, b) => {
      const [x, y] = [versionKey(a), versionKey(b)];
      return x[0] - y[0] || x[1] - y[1];
    });
}

const validators = new Map<string, ValidateFunction>();

/**
 * Compiles the bundled schema offline. The schemas declare draft-04 but use `const` and
 * `if`/`then` (later drafts), and carry no draft-04-only constructs (no schema-level `id`, no
 * boolean exclusiveMinimum), so Ajv's default draft-07 validator reads them correctly once the
 * draft-04 `$schema` (which Ajv 8 does not ship) is removed. strictTypes is off because the
 * vendor schema leaves `type` implicit beside keywords such as additionalProperties.
 */
function validatorFor(version: string): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(schemaRoot(), `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    const ajv = new Ajv({ allErrors: true, strictTypes: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
    validators.set(version, validate);
  }
  return validate;
}

function problemFor(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const path = error.instancePath.replace(/^\//, '');
  const field = (extra: unknown) => [path, String(extra)].filter(Boolean).join('/');
  if (error.keyword === 'required') return `${field(params.missingProperty)}: is required`;
  if (error.keyword === 'additionalProperties') return `${field(params.additionalProperty)}: is not a manifest field`;
  if (error.keyword === 'const') return `${path}: must be ${JSON.stringify(params.allowedValue)}`;
  if (error.keyword === 'enum') return `${path}: must be one of ${JSON.stringify(params.allowedValues)}`;
  return `${path || 'manifest'}: ${error.message ?? error.keyword}`;
}

/**
 * Checks a filled manifest against the official schema for its `manifestVersion` (bundled with
 * @microsoft/app-manifest; no network), plus what Teams checks on upload beyond the schema and
 * what this package needs. Returns one line per problem, each starting with the field's path
 * (e.g. `bots/0/botId: is required`); an empty list means valid.
 */
export function validateManifest(manifest: unknown): string[] {
  if (!isObject(manifest)) return ['manifest: must be a JSON object'];
  const problems: string[] = [];
  const versions = bundledSchemaVersions();
  const manifestVersion = manifest.manifestVersion;
  if (typeof manifestVersion !== 'string' || !versions.includes(manifestVersion)) {
    problems.push(`manifestVersion: must be a stable schema version bundled with @microsoft/app-manifest (${versions.at(-1)} is the newest)`);
  } else {
    const validate = validatorFor(manifestVersion);
    if (!validate(manifest)) problems.push(...new Set((validate.errors ?? []).map(problemFor)));
  }
  // The schema only limits the length; Teams refuses an upload whose version is not x.y.z.
  if (typeof manifest.version === 'string' && !SEMVER.test(manifest.version)) {
    problems.push('version: must be MAJOR.MINOR.PATCH, e.g. 1.0.0');
  }
  const icons = manifest.icons;
  if (isObject(icons)) {
    if (icons.color !== 'color.png') problems.push('icons/color: must be "color.png", the file in the package');
    if (icons.outline !== 'outline.png') problems.push('icons/outline: must be "outline.png", the file in the package');
  }
  const bots = manifest.bots;
  const bot: unknown = Array.isArray(bots) ? bots[0] : undefined;
  if (!isObject(bot)) problems.push('bots: must hold the bot');
  else if (!Array.isArray(bot.scopes) || !bot.scopes.includes('personal')) problems.push('bots/0/scopes: must include "personal"');
  return [...new Set(problems)];
}

/** What goes into a Teams app package. */
export interface PackageContents {
  manifest: TeamsManifest;
  colorPng: Uint8Array;
  outlinePng: Uint8Array;
}

function iconProblems(name: string, png: Uint8Array, size: number): string[] {
  try {
    const { width, height } = readPngSize(png);
    return width === size && height === size ? [] : [`${name}: must be ${size}×${size} pixels, is ${width}×${height}`];
  } catch {
    return [`${name}: not a PNG file`];
  }
}

/**
 * Writes the Teams app package: a zip holding exactly manifest.json, color.png and outline.png
 * at its root. Refuses (ConfigError listing every problem) an invalid manifest or icons of the
 * wrong size, so Teams never sees a package it would reject.
 */
export async function writePackage(contents: PackageContents, outFile: string): Promise<void> {
  const problems = [
    ...validateManifest(contents.manifest),
    ...iconProblems('color.png', contents.colorPng, TEAMS_ICON_SIZES.color),
    ...iconProblems('outline.png', contents.outlinePng, TEAMS_ICON_SIZES.outline),
  ];
  if (problems.length) throw new ConfigError(problems);
  const files: Record<(typeof PACKAGE_ENTRIES)[number], Buffer> = {
    'manifest.json': Buffer.from(JSON.stringify(contents.manifest, null, 2) + '\n', 'utf8'),
    'color.png': Buffer.from(contents.colorPng),
    'outline.png': Buffer.from(contents.outlinePng),
  };
  const zip = new ZipFile();
  for (const name of PACKAGE_ENTRIES) zip.addBuffer(files[name], name, { mtime: ZIP_MTIME, mode: 0o100644 });
  zip.end();
  mkdirSync(dirname(outFile), { recursive: true });
  await pipeline(zip.outputStream, createWriteStream(outFile));
}

/**
 * `npm run manifest` in one call: reads `manifest.template.json`, `color.png` and `outline.png`
 * from `manifestDir`, fills in the app id, validates and writes the package to `outFile`.
 */
export async function buildTeamsAppPackage(options: { appId: string | undefined; manifestDir: string; outFile: string }): Promise<TeamsManifest> {
  const read = (name: string) => {
    const path = join(options.manifestDir, name);
    if (!existsSync(path)) throw new ConfigError([`${path}: file is missing`]);
    return readFileSync(path);
  };
  // The app id is checked before any file is read: it is the mistake people make.
  buildManifest(options.appId, {});
  let template: unknown;
  try {
    template = JSON.parse(read('manifest.template.json').toString('utf8'));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError([`${join(options.manifestDir, 'manifest.template.json')}: not valid JSON (${(err as Error).message})`]);
  }
  const manifest = buildManifest(options.appId, template);
  await writePackage({ manifest, colorPng: read('color.png'), outlinePng: read('outline.png') }, options.outFile);
  return manifest;
}
