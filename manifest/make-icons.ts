/**
 * Regenerates the Teams app icons (`manifest/color.png`, 192×192, and `manifest/outline.png`,
 * 32×32 white on transparent) from the drawing in src/channels/teams/TeamsIcons.ts. The PNGs are
 * committed; run this after changing the drawing or the practice colour:
 *   node -r ts-node/register/transpile-only manifest/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawColorIcon, drawOutlineIcon, encodePng } from '../src/channels/teams';

const dir = __dirname;
for (const [name, image] of [['color.png', drawColorIcon()], ['outline.png', drawOutlineIcon()]] as const) {
  writeFileSync(join(dir, name), encodePng(image));
  console.log(`make-icons: wrote ${join(dir, name)} (${image.width}×${image.height})`);
}
