/**
 * `npm run manifest`: builds the Microsoft Teams app package `dist/teams-app.zip` (manifest.json,
 * color.png, outline.png) from `manifest/`, with the bot's MicrosoftAppId (environment or .env)
 * as app id and bot id. The manifest is checked against the official schema offline first.
 * `npm run manifest -- --out other/path.zip` writes elsewhere. Exit status 2 when refused.
 */
import { existsSync } from 'node:fs';
import { buildTeamsAppPackage } from '../channels/teams';
import { ConfigError } from '../config/ConfigError';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outFile = outAt >= 0 && args[outAt + 1] ? args[outAt + 1] : 'dist/teams-app.zip';
  const manifest = await buildTeamsAppPackage({ appId: process.env.MicrosoftAppId, manifestDir: 'manifest', outFile });
  console.log(`manifest: wrote ${outFile} (manifest schema ${String(manifest.manifestVersion)}, app version ${String(manifest.version)})`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(`manifest: no package written:\n  ${err.problems.join('\n  ')}`);
  } else {
    console.error(`manifest: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exit(2);
});
