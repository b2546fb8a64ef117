import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AVATAR_SIZE, avatarPng, initialsOf, parseColor } from '../../src/persona/cards/avatar.js';
import { readPngChunks } from '../../src/persona/cards/png-chunks.js';

function pixels(png: Buffer): { at: (x: number, y: number) => string; colours: Set<string> } {
  const read = readPngChunks(png);
  if (!read.ok) throw new Error(read.issue.message);
  const header = read.chunks[0]!.data;
  expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([AVATAR_SIZE, AVATAR_SIZE, 8, 2]);
  const raw = inflateSync(Buffer.concat(read.chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const row = 1 + AVATAR_SIZE * 3;
  const at = (x: number, y: number) => raw.subarray(y * row + 1 + x * 3, y * row + 4 + x * 3).toString('hex');
  const colours = new Set<string>();
  for (let y = 0; y < AVATAR_SIZE; y++) for (let x = 0; x < AVATAR_SIZE; x++) colours.add(at(x, y));
  return { at, colours };
}

describe('generated avatar tile', () => {
  it('is a valid PNG in the persona colour with initials drawn in a contrasting colour', () => {
    const { at, colours } = pixels(avatarPng('Diane Kowalczyk', '#1e3a5f'));
    expect(at(0, 0)).toBe('1e3a5f');
    expect(colours).toEqual(new Set(['1e3a5f', 'ffffff']));
  });

  it('draws dark initials on a light colour, and a plain tile when no letter can be drawn', () => {
    expect(pixels(avatarPng('Ana', '#fde68a')).colours).toEqual(new Set(['fde68a', '111827']));
    expect(pixels(avatarPng('セラ', 'teal')).colours).toEqual(new Set(['0d9488']));
  });

  it('reads initials and colours the way persona files write them', () => {
    expect(initialsOf('José María Álvarez')).toBe('JA');
    expect(initialsOf('cfo')).toBe('C');
    expect(parseColor('#38f')).toEqual([0x33, 0x88, 0xff]);
    expect(parseColor('3b82f6')).toEqual([0x3b, 0x82, 0xf6]);
    expect(parseColor('not-a-colour')).toBeUndefined();
  });
});
