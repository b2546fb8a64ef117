import { CCV3_KEYWORD, CHARA_KEYWORD, type CardSpec } from '../../src/persona/cards/card-types.js';
import { avatarPng } from '../../src/persona/cards/avatar.js';
import { encodePng, readPngChunks, textChunk } from '../../src/persona/cards/png-chunks.js';

// Cards the tests build in every version and container, with every field the formats define plus
// keys no spec knows, so a round trip that drops anything fails.

export const LORE_TEXT = 'The moonstone amulet of {{char}} glows blue when danger is near.';

export function cardData(version: 1 | 2 | 3): Record<string, unknown> {
  const v1 = {
    name: 'Seraphina',
    description: '{{char}} is the guardian of the Eldoria forest, ancient and patient.',
    personality: 'kind, gentle, caring, calm',
    scenario: "{{user}} wakes up in {{char}}'s glade after a wolf attack.",
    first_mes: '*Seraphina kneels beside you.* You are safe now, {{user}}.',
    mes_example:
      '<START>\n{{user}}: Who are you?\n{{char}}: I am Seraphina. I keep this forest safe.\n<START>\n{{user}}: Can I leave?\n{{char}}: When your wounds close, yes.',
  };
  if (version === 1) return { ...v1, mysteryV1Key: 'kept' };
  const v2 = {
    ...v1,
    creator_notes: 'SECRET-CREATOR-NOTE: best with warm models',
    system_prompt: 'You are {{char}}, speaking with {{user}}. {{original}}',
    post_history_instructions: 'Stay gentle with {{user}}. {{original}}',
    alternate_greetings: ['*Seraphina hums.* Back so soon, {{user}}?', 'The forest is quiet today.'],
    character_book: {
      name: 'Eldoria',
      scan_depth: 2,
      token_budget: 400,
      recursive_scanning: false,
      extensions: { bookExt: 1 },
      entries: [
        {
          keys: ['amulet', 'moonstone'],
          content: LORE_TEXT,
          extensions: {},
          enabled: true,
          insertion_order: 10,
          case_sensitive: false,
          id: 1,
          comment: 'amulet',
        },
        { keys: ['wolf'], content: 'The wolves of Eldoria serve the Shadowfang.', extensions: {}, enabled: false, insertion_order: 5 },
      ],
    },
    tags: ['fantasy', 'guardian'],
    creator: 'SECRET-CREATOR-NAME',
    character_version: 'SECRET-VERSION-7',
    extensions: { talkativeness: '0.6', fav: true, depth_prompt: { depth: 4, prompt: 'x' } },
    unknownDataKey: { nested: [1, 2, 3] },
  };
  if (version === 2) return v2;
  return {
    ...v2,
    nickname: 'Sera',
    creator_notes_multilingual: { fr: 'notes en français' },
    source: ['https://example.invalid/card/1'],
    group_only_greetings: ['Hello, all of you.'],
    creation_date: 1700000000,
    modification_date: 1710000000,
    assets: [{ type: 'icon', uri: 'ccdefault:', name: 'main', ext: 'png' }],
  };
}

export function cardObject(version: 1 | 2 | 3): Record<string, unknown> {
  const data = cardData(version);
  if (version === 1) return data;
  const spec: CardSpec = version === 2 ? 'chara_card_v2' : 'chara_card_v3';
  return { spec, spec_version: version === 2 ? '2.0' : '3.0', data, topLevelExtra: 'kept too' };
}

export const base64Json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');

/** A PNG with the given tEXt chunks (keyword -> text), before IEND. */
export function pngWithText(texts: Array<[string, string]>): Buffer {
  const read = readPngChunks(avatarPng('Test Card', '#336699'));
  if (!read.ok) throw new Error(read.issue.message);
  const body = read.chunks.filter((c) => c.type !== 'IEND');
  return encodePng([...body, ...texts.map(([k, t]) => textChunk(k, t)), { type: 'IEND', data: Buffer.alloc(0) }]);
}

/** The card in its usual container: V1/V2 as `chara`, V3 as `ccv3`. */
export function cardPng(version: 1 | 2 | 3): Buffer {
  return pngWithText([[version === 3 ? CCV3_KEYWORD : CHARA_KEYWORD, base64Json(cardObject(version))]]);
}

export const cardJson = (version: 1 | 2 | 3) => Buffer.from(JSON.stringify(cardObject(version), null, 2), 'utf8');
