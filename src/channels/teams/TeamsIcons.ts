import type { RgbaImage } from './PngCodec';

/** The sizes Teams requires: a 192×192 full-colour icon and a 32×32 white-on-transparent outline. */
export const TEAMS_ICON_SIZES = { color: 192, outline: 32 } as const;

/** The practice colour: the colour icon's background and the manifest's accentColor. */
export const PRACTICE_COLOR = '#0F7B6C';

type Point = readonly [number, number];

// The mark, in a unit box: a leg seen from the side, bent at the knee, with the knee drawn as a
// round joint set apart from thigh and shin by a thin gap — recognisable at 32 pixels.
const HIP: Point = [0.26, 0.08];
const KNEE: Point = [0.68, 0.42];
const ANKLE: Point = [0.42, 0.86];
const TOES: Point = [0.66, 0.92];

interface MarkStyle {
  /** Half the width of thigh and shin, in unit-box lengths. */
  bone: number;
  joint: number;
  gap: number;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function inMark(p: Point, s: MarkStyle): boolean {
  const fromKnee = Math.hypot(p[0] - KNEE[0], p[1] - KNEE[1]);
  if (fromKnee <= s.joint) return true;
  if (fromKnee <= s.joint + s.gap) return false;
  return (
    distanceToSegment(p, HIP, KNEE) <= s.bone ||
    distanceToSegment(p, KNEE, ANKLE) <= s.bone ||
    distanceToSegment(p, ANKLE, TOES) <= s.bone * 0.8
  );
}

function inRoundedSquare(x: number, y: number, radius: number): boolean {
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0);
  return Math.hypot(qx, qy) <= radius;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/**
 * Renders with 4×4 supersampling: each sample is background, mark (white) or nothing, and a
 * pixel's colour is the coverage-weighted mix, so edges stay smooth without an image library.
 */
function render(size: number, sample: (x: number, y: number) => 'mark' | 'background' | 'none', background: [number, number, number]): RgbaImage {
  const n = 4;
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let mark = 0;
      let bg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const hit = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (hit === 'mark') mark++;
          else if (hit === 'background') bg++;
        }
      }
      const covered = mark + bg;
      const at = (py * size + px) * 4;
      if (!covered) continue;
      for (let c = 0; c < 3; c++) data[at + c] = Math.round((mark * 255 + bg * background[c]) / covered);
      data[at + 3] = Math.round((covered * 255) / (n * n));
    }
  }
  return { width: size, height: size, data };
}

/** The 192×192 colour icon: a rounded square in the practice colour with the white knee mark. */
export function drawColorIcon(): RgbaImage {
  const style: MarkStyle = { bone: 0.085, joint: 0.15, gap: 0.045 };
  // The mark sits in the middle 60%, clear of the rounding Teams applies to app tiles.
  const [offset, scale] = [0.2, 0.6];
  return render(
    TEAMS_ICON_SIZES.color,
    (x, y) => {
      if (!inRoundedSquare(x, y, 0.18)) return 'none';
      return inMark([(x - offset) / scale, (y - offset) / scale], style) ? 'mark' : 'background';
    },
    hexToRgb(PRACTICE_COLOR),
  );
}

/** The 32×32 outline icon: the same mark in white on transparent, with heavier strokes. */
export function drawOutlineIcon(): RgbaImage {
  const style: MarkStyle = { bone: 0.095, joint: 0.16, gap: 0.065 };
  const [offset, scale] = [0.04, 0.92];
  return render(
    TEAMS_ICON_SIZES.outline,
    (x, y) => (inMark([(x - offset) / scale, (y - offset) / scale], style) ? 'mark' : 'none'),
    [255, 255, 255],
  );
}
