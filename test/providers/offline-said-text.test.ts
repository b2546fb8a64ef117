import { describe, expect, it } from 'vitest';
import { normalise, readDialogue, saidIncludes } from '../../src/providers/offline/recall/dialogue-state.js';
import type { ChatTurn } from '../../src/core/messages.js';

// Whether a fact or line was said already used to be `includes` on every earlier reply's
// normalised text joined by ' | '. It is now asked reply by reply, with the answers kept; for any
// normalised text the answer must be the same, asked once or again, as the window moves.

const replies = [
  'Epicor is the system of record, installed in 2011.',
  'Around it, Excel does the real work: the cash forecast is a 40-tab workbook.',
  'That second fact worries me more than the first.',
  '',
  'Frankly, I leave at six. Budgets | forecasts — and board packs.',
  'Like I said, the forecast is a 40-tab workbook that two people understand.',
];

function conversation(upto: number): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const reply of replies.slice(0, upto)) turns.push({ role: 'user', content: 'And then?' }, { role: 'persona', content: reply });
  return [...turns, { role: 'user', content: 'What else?' }];
}

describe('saidIncludes', () => {
  it('answers as includes on the replies joined by " | ", for any normalised text, as the window moves', () => {
    const candidates = [
      '',
      'epicor',
      'the first',
      'first that second',
      'record installed in 2011',
      '2011 around it',
      'workbook that two people understand',
      'budgets forecasts and board packs',
      'six budgets',
      'a 40 tab workbook',
      'nothing like this',
      'i leave at six',
    ].map(normalise);
    for (let upto = 0; upto <= replies.length; upto++) {
      for (const from of [0, 1, 2]) {
        const state = readDialogue(conversation(upto).slice(from * 2), []);
        const joined = state.saidTexts.map((s) => s.text).join(' | ');
        for (let round = 0; round < 2; round++) {
          for (const text of candidates) expect(saidIncludes(state, text), `${text} in ${joined}`).toBe(joined.includes(text));
        }
      }
    }
  });
});
