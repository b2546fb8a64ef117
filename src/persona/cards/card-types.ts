// The Character Card formats (V1 flat, V2 `chara_card_v2`, V3 `chara_card_v3`) as we hold them
// after reading: one `data` record with every field the card had, verbatim, plus whatever else sat
// at the top level. Nothing is dropped, so a card can be written back as it came.

export type CardSpec = 'chara_card_v1' | 'chara_card_v2' | 'chara_card_v3';

export interface CharacterCard {
  spec: CardSpec;
  specVersion?: string;
  /** Every field of the card (for V1, the whole flat object). */
  data: Record<string, unknown>;
  /** Top-level keys besides spec/spec_version/data (the V1 mirror that V2 writers add is left out when it equals data). */
  topLevel: Record<string, unknown>;
}

/** The V1 fields; V2 writers repeat them at the top level for old readers. */
export const V1_FIELDS = ['name', 'description', 'personality', 'scenario', 'first_mes', 'mes_example'] as const;

/** V2 requires every one of these in `data`; the defaults are what an empty field looks like. */
export function v2Defaults(): Record<string, unknown> {
  return {
    name: '',
    description: '',
    personality: '',
    scenario: '',
    first_mes: '',
    mes_example: '',
    creator_notes: '',
    system_prompt: '',
    post_history_instructions: '',
    alternate_greetings: [],
    tags: [],
    creator: '',
    character_version: '',
    extensions: {},
  };
}

/** Where our own exports keep the complete persona, inside `data.extensions`. */
export const PERSONA_EXTENSION = 'persona-chat';

/** The tEXt keywords: `chara` holds a V2 card, `ccv3` a V3 one. */
export const CHARA_KEYWORD = 'chara';
export const CCV3_KEYWORD = 'ccv3';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
