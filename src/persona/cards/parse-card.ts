import { InputFileError, type Issue } from '../../core/errors.js';
import { MAX_FILE_BYTES, parseUntrustedJson } from '../json-input.js';
import { CCV3_KEYWORD, CHARA_KEYWORD, isRecord, V1_FIELDS, type CharacterCard } from './card-types.js';
import { isPng, readPngChunks, readTextChunk } from './png-chunks.js';

// Bytes of a card file (PNG or JSON) -> a CharacterCard, or an InputFileError naming the file and
// saying what is wrong. Pure: the CLI reads the file. Nothing a card names is fetched or run.

/** The largest card file we open: PNG cards carry a picture, but 20 MB is far past any real one. */
export const MAX_CARD_FILE_BYTES = 20 * 1024 * 1024;

export interface ParsedCard {
  card: CharacterCard;
  /** Which container and chunk it came from, for messages: "PNG tEXt ccv3" or "JSON". */
  container: string;
  warnings: Issue[];
}

const fail = (file: string, message: string, hint?: string, path = ''): never => {
  throw new InputFileError(file, [{ path, message, hint }]);
};

export function parseCardBytes(bytes: Buffer, file: string): ParsedCard {
  if (bytes.length > MAX_CARD_FILE_BYTES) {
    fail(
      file,
      `file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit for a card is ${MAX_CARD_FILE_BYTES / 1024 / 1024} MB`,
      'is this the right file?',
    );
  }
  if (isPng(bytes)) return parsePngCard(bytes, file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(file, 'not a character card: neither a PNG nor UTF-8 JSON');
  }
  if (!/^\uFEFF?\s*[{[]/.test(text)) fail(file, 'not a character card: neither a PNG nor JSON', 'cards are .png files or .json files');
  const { card, warnings } = cardFromJsonText(text, Buffer.byteLength(text), file, '');
  return { card, container: 'JSON', warnings };
}

function parsePngCard(bytes: Buffer, file: string): ParsedCard {
  const read = readPngChunks(bytes);
  if (!read.ok) return fail(file, read.issue.message, read.issue.hint);
  const texts = read.chunks.map(readTextChunk).filter((t) => t !== undefined);
  // A PNG may carry both; the V3 chunk is the newer, fuller copy.
  const chunk = texts.find((t) => t.keyword.toLowerCase() === CCV3_KEYWORD) ?? texts.find((t) => t.keyword.toLowerCase() === CHARA_KEYWORD);
  if (!chunk) {
    return fail(
      file,
      'PNG has no character card in it (no "chara" or "ccv3" tEXt chunk)',
      'this is a plain picture; export the card from its app as a PNG card or JSON',
    );
  }
  const where = `tEXt "${chunk.keyword}"`;
  const compact = chunk.text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    fail(file, 'the card text is not valid base64', 'the file is damaged; download it again', where);
  }
  const decoded = Buffer.from(compact, 'base64');
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(decoded);
  } catch {
    return fail(file, 'the card text is not UTF-8 after base64 decoding', 'the file is damaged; download it again', where);
  }
  const { card, warnings } = cardFromJsonText(json, decoded.length, file, where);
  return { card, container: `PNG ${where}`, warnings };
}

function cardFromJsonText(text: string, byteLength: number, file: string, where: string): { card: CharacterCard; warnings: Issue[] } {
  if (byteLength > MAX_FILE_BYTES) {
    fail(
      file,
      `the card's JSON is ${(byteLength / 1024 / 1024).toFixed(1)} MB; a persona file can hold at most 1 MB`,
      'trim its lorebook or example dialogue',
      where,
    );
  }
  const parsed = parseUntrustedJson(text, byteLength);
  if (!parsed.ok)
    throw new InputFileError(
      file,
      parsed.issues.map((i) => ({ ...i, path: where || i.path })),
    );
  const at = (field: string) => (where ? `${where}: ${field}` : field);
  const card = cardFromValue(parsed.value, file, at);
  return { card, warnings: parsed.warnings.map((w) => ({ ...w, path: at(w.path) })) };
}

const PERSONA_KEYS = ['baseSelection', 'customInputs', 'psychographics', 'generatedInsights'];
/** The card fields we map onto persona fields: they must be text. */
const TEXT_FIELDS = ['description', 'personality', 'scenario', 'first_mes', 'mes_example', 'system_prompt', 'post_history_instructions'];

function cardFromValue(value: unknown, file: string, at: (field: string) => string): CharacterCard {
  if (!isRecord(value)) return fail(file, 'not a character card: expected a JSON object', undefined, at(''));
  let card: CharacterCard;
  if (value.spec === 'chara_card_v2' || value.spec === 'chara_card_v3') {
    if (!isRecord(value.data)) return fail(file, `a ${value.spec} card needs a "data" object`, undefined, at('data'));
    const data = value.data;
    const topLevel: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'spec' || key === 'spec_version' || key === 'data') continue;
      // V2 writers mirror the V1 fields at the top level for old readers; the mirror is rebuilt on export.
      if ((V1_FIELDS as readonly string[]).includes(key) && JSON.stringify(v) === JSON.stringify(data[key])) continue;
      topLevel[key] = v;
    }
    card = { spec: value.spec, specVersion: typeof value.spec_version === 'string' ? value.spec_version : undefined, data, topLevel };
  } else if (value.spec !== undefined) {
    return fail(
      file,
      `unsupported card spec ${JSON.stringify(value.spec)}`,
      'supported: chara_card_v2, chara_card_v3, and V1 cards without a spec',
      at('spec'),
    );
  } else if (typeof value.name === 'string' && (V1_FIELDS as readonly string[]).some((f) => f !== 'name' && f in value)) {
    card = { spec: 'chara_card_v1', data: value, topLevel: {} };
  } else if (PERSONA_KEYS.some((k) => k in value)) {
    return fail(file, 'this is a persona file, not a character card', 'copy it into your persona folder (`persona personas dir`) instead');
  } else {
    return fail(file, 'not a character card: no "spec" and no V1 card fields (name, description, first_mes…)', undefined, at(''));
  }
  const prefix = card.spec === 'chara_card_v1' ? '' : 'data.';
  if (typeof card.data.name !== 'string' || card.data.name.trim() === '')
    fail(file, 'the card has no name', 'a card needs a "name"', at(`${prefix}name`));
  if ((card.data.name as string).trim().length > 200)
    fail(file, 'the card name is longer than 200 characters', undefined, at(`${prefix}name`));
  for (const field of TEXT_FIELDS) {
    const v = card.data[field];
    if (v !== undefined && typeof v !== 'string')
      fail(file, `expected text, found ${Array.isArray(v) ? 'a list' : typeof v}`, undefined, at(`${prefix}${field}`));
  }
  const greetings = card.data.alternate_greetings;
  if (greetings !== undefined && !(Array.isArray(greetings) && greetings.every((g) => typeof g === 'string'))) {
    fail(file, 'expected a list of texts', undefined, at(`${prefix}alternate_greetings`));
  }
  // `null` is how several tools write "no lorebook".
  if (card.data.character_book !== undefined && card.data.character_book !== null && !isRecord(card.data.character_book)) {
    fail(file, 'expected a lorebook object', undefined, at(`${prefix}character_book`));
  }
  if (card.data.extensions !== undefined && !isRecord(card.data.extensions))
    fail(file, 'expected an object', undefined, at(`${prefix}extensions`));
  return card;
}
