import { CCV3_KEYWORD, CHARA_KEYWORD } from './card-types.js';
import type { PersonaCards } from './persona-to-card.js';
import { encodePng, readPngChunks, readTextChunk, textChunk, type PngChunk } from './png-chunks.js';

// Writes cards into a PNG: `chara` holds the V2 card and `ccv3` the V3 one, each base64 of UTF-8
// JSON in a tEXt chunk just before IEND. Card chunks the picture already had are replaced.

const toBase64 = (card: unknown) => Buffer.from(JSON.stringify(card), 'utf8').toString('base64');

export function embedCardsInPng(picture: Buffer, cards: PersonaCards): Buffer {
  const read = readPngChunks(picture);
  if (!read.ok) throw new Error(`cannot embed a card: ${read.issue.message}`);
  const isCardChunk = (c: PngChunk) => {
    const keyword = readTextChunk(c)?.keyword.toLowerCase();
    return keyword === CHARA_KEYWORD || keyword === CCV3_KEYWORD;
  };
  const kept = read.chunks.filter((c) => c.type !== 'IEND' && !isCardChunk(c));
  return encodePng([
    ...kept,
    textChunk(CHARA_KEYWORD, toBase64(cards.v2)),
    textChunk(CCV3_KEYWORD, toBase64(cards.v3)),
    { type: 'IEND', data: Buffer.alloc(0) },
  ]);
}
