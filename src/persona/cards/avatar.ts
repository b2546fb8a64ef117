import { deflateSync } from 'node:zlib';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphPixel, hasGlyph } from './bitmap-font.js';
import { encodePng } from './png-chunks.js';

// A generated avatar tile for personas without a local PNG picture: a square in the persona's
// colour with its initials in the built-in 5x7 bitmap font, scaled up. No canvas, no image
// library: the pixels are written row by row and deflated into a plain RGB PNG. (An emoji cannot
// be drawn without a font renderer, so the initials stand in for it.)

export const AVATAR_SIZE = 256;
const SCALE = 16;
const GAP = 1; // blank glyph columns between two letters

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#dc2626',
  orange: '#ea580c',
  amber: '#d97706',
  yellow: '#ca8a04',
  lime: '#65a30d',
  green: '#16a34a',
  emerald: '#059669',
  teal: '#0d9488',
  cyan: '#0891b2',
  sky: '#0284c7',
  blue: '#2563eb',
  indigo: '#4f46e5',
  violet: '#7c3aed',
  purple: '#9333ea',
  fuchsia: '#c026d3',
  pink: '#db2777',
  rose: '#e11d48',
  gray: '#4b5563',
  grey: '#4b5563',
  slate: '#475569',
  brown: '#92400e',
  navy: '#1e3a8a',
};
const DEFAULT_COLOR: Rgb = [0x47, 0x55, 0x69];

export type Rgb = [number, number, number];

/** "#3b82f6", "3b82f6", "#38f" or a common colour name -> RGB; undefined when unknown. */
export function parseColor(color: string | undefined): Rgb | undefined {
  if (!color) return undefined;
  const hex = (NAMED[color.toLowerCase()] ?? color).replace(/^#/, '');
  if (!/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex)) return undefined;
  const full = hex.length === 3 ? [...hex].map((h) => h + h).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

/** Up to two letters: first and last word of the name, accents dropped, letters we can draw only. */
export function initialsOf(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w && hasGlyph(w[0]!));
  if (words.length === 0) return '';
  return words.length === 1 ? words[0]![0]! : words[0]![0]! + words[words.length - 1]![0]!;
}

/** Dark text on light tiles, white on dark ones (relative luminance). */
export function textColorFor([r, g, b]: Rgb): Rgb {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 150 ? [0x11, 0x18, 0x27] : [0xff, 0xff, 0xff];
}

export function avatarPng(name: string, color: string | undefined): Buffer {
  const background = parseColor(color) ?? DEFAULT_COLOR;
  const ink = textColorFor(background);
  const letters = initialsOf(name);
  const textWidth = (letters.length * GLYPH_WIDTH + Math.max(0, letters.length - 1) * GAP) * SCALE;
  const left = Math.floor((AVATAR_SIZE - textWidth) / 2);
  const top = Math.floor((AVATAR_SIZE - GLYPH_HEIGHT * SCALE) / 2);
  const rowBytes = 1 + AVATAR_SIZE * 3;
  const raw = Buffer.alloc(rowBytes * AVATAR_SIZE);
  for (let y = 0; y < AVATAR_SIZE; y++) {
    raw[y * rowBytes] = 0; // filter: none
    for (let x = 0; x < AVATAR_SIZE; x++) {
      const gx = Math.floor((x - left) / SCALE);
      const gy = Math.floor((y - top) / SCALE);
      const letter = Math.floor(gx / (GLYPH_WIDTH + GAP));
      const on = x >= left && y >= top && letter < letters.length && glyphPixel(letters[letter]!, gx - letter * (GLYPH_WIDTH + GAP), gy);
      const [r, g, b] = on ? ink : background;
      const at = y * rowBytes + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(AVATAR_SIZE, 0);
  header.writeUInt32BE(AVATAR_SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method extras, no interlace
  return encodePng([
    { type: 'IHDR', data: header },
    { type: 'IDAT', data: deflateSync(raw) },
    { type: 'IEND', data: Buffer.alloc(0) },
  ]);
}
