import { basename, extname } from 'node:path';
import type { Issue } from '../../core/errors.js';
import type { CardSpec } from './card-types.js';
import { cardToPersona, type CardImport } from './card-to-persona.js';
import { parseCardBytes } from './parse-card.js';
import { lorebookKeyWarnings } from './lore-keys.js';

// One card file's bytes -> persona data ready to be written as a persona file. Throws an
// InputFileError naming the file for anything that is not a usable card.

export interface ImportedCard extends CardImport {
  spec: CardSpec;
  /** "JSON" or `PNG tEXt "ccv3"`. */
  container: string;
  warnings: Issue[];
}

export function importCardBytes(bytes: Buffer, file: string): ImportedCard {
  const { card, container, warnings } = parseCardBytes(bytes, file);
  const result = cardToPersona(card, basename(file, extname(file)));
  const lore = lorebookKeyWarnings(card.data.character_book, card.spec === 'chara_card_v1' ? '' : 'data.');
  return { ...result, spec: card.spec, container, warnings: [...warnings, ...lore] };
}
