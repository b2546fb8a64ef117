import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { avatarPng } from '../../persona/cards/avatar.js';
import { MAX_CARD_FILE_BYTES } from '../../persona/cards/parse-card.js';
import { isPng, readPngChunks } from '../../persona/cards/png-chunks.js';
import { colorOf } from '../../persona/facts.js';
import type { Persona } from '../../persona/schema.js';

// The picture a PNG card is written into: the persona's own picture when it names a local PNG
// file (relative paths are read from the persona file's folder; URLs are never fetched), else a
// generated tile in the persona's colour with its initials.

export interface CardPicture {
  png: Buffer;
  /** Where it came from, for the user: a path, or why the tile was generated. */
  origin: { kind: 'file'; path: string } | { kind: 'generated'; reason: string };
}

function localImagePath(persona: Persona): string | undefined {
  const pic = persona.data.profilePicture;
  const ref = typeof pic === 'string' ? pic : pic?.image;
  if (!ref || /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || /\p{Extended_Pictographic}/u.test(ref)) return undefined;
  const base = isAbsolute(persona.source) ? dirname(persona.source) : process.cwd();
  return resolve(base, ref);
}

export function cardPicture(persona: Persona): CardPicture {
  const generated = (reason: string): CardPicture => ({
    png: avatarPng(persona.name, colorOf(persona.data)),
    origin: { kind: 'generated', reason },
  });
  const path = localImagePath(persona);
  if (!path) return generated('the persona has no local picture');
  if (!existsSync(path) || !statSync(path).isFile()) return generated(`its picture ${path} was not found`);
  if (statSync(path).size > MAX_CARD_FILE_BYTES) return generated(`its picture ${path} is larger than 20 MB`);
  const bytes = readFileSync(path);
  if (!isPng(bytes)) return generated(`its picture ${path} is not a PNG`);
  if (!readPngChunks(bytes).ok) return generated(`its picture ${path} is a damaged PNG`);
  return { png: bytes, origin: { kind: 'file', path } };
}
