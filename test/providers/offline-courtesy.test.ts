import { describe, expect, it } from 'vitest';
import { withoutCourtesy } from '../../src/providers/offline/courtesy.js';
import { detectIntent } from '../../src/providers/offline/intents.js';
import { focusOf } from '../../src/providers/offline/retrieval.js';
import { reply } from './offline-helpers.js';
import { SHIPPED_IDS, shipped } from './offline-shipped.js';

// A new user is polite: "please tell me about your pain points", "..., thanks". Courtesy words
// must not change what was asked, must not make the question look like it is about "please", and
// must never be quoted back ("My pain points thanks? That is outside my world").

/** Plain interview questions and polite ways a person types the same question. */
const POLITE_FORMS: ReadonlyArray<[plain: string, polite: readonly string[]]> = [
  [
    'Tell me about your pain points',
    [
      'please tell me about your pain points',
      'Tell me about your pain points, thanks',
      'tell me about your pain points please',
      'Could you tell me about your pain points?',
      'Could you please tell me a bit about your pain points?',
      'Would you mind telling me about your pain points, please?',
      'Tell me about your pain points, thank you!',
      'Can you just tell me about your pain points, if you can?',
      'Kindly tell me about your pain points.',
    ],
  ],
  [
    'Tell me about your day',
    [
      'Tell me about your day please',
      'Could you tell me a little about your day?',
      'tell me about your day, thanks!',
      'Please tell me about your day.',
    ],
  ],
  [
    'What are your goals?',
    ['What are your goals, please?', 'Please, what are your goals?', 'What are your goals? Thanks!', 'So what are your goals maybe?'],
  ],
  [
    'What frustrates you most about your work?',
    ['What frustrates you most about your work, please?', 'Please tell me what frustrates you most about your work, thank you.'],
  ],
  [
    'How do you decide what to buy?',
    ['How do you decide what to buy? Thanks in advance.', 'Could you explain how you decide what to buy, please?'],
  ],
];
/** A courtesy word said back; "Thank you for asking." is the persona's own manners, not an echo. */
const COURTESY_ECHO = /\b(?:please|thanks|thank you|kindly|if you can)\b(?! for asking)/i;
const SEEDS = [1, 2, 3, 4];
/** How the reply opens when the question missed: "I don't know much about X", "X? That is outside my world". */
const MISSED = /\b(?:know (?:much|very little) about|outside my world|no idea about|no clue|not the right person|not something I know)\b/i;
const missed = (text: string): boolean =>
  MISSED.test(
    text
      .split(/(?<=[.!?])\s+|\n+/)
      .slice(0, 2)
      .join(' '),
  );

describe('courtesy words in a question', () => {
  it('leave the intent and the quoted topic exactly as in the plain question', () => {
    for (const [plain, politeForms] of POLITE_FORMS) {
      const expected = detectIntent(plain);
      for (const polite of politeForms) {
        const detected = detectIntent(polite);
        expect(detected.primary, polite).toBe(expected.primary);
        expect(detected.topic, polite).toBe(expected.topic);
        expect(detected.topic ?? '', polite).not.toMatch(COURTESY_ECHO);
      }
    }
  });

  it('are no subject words, so the facts that answer the plain question answer the polite one', () => {
    for (const [plain, politeForms] of POLITE_FORMS) {
      const subject = [...focusOf(plain).subject].sort();
      for (const polite of politeForms) expect([...focusOf(withoutCourtesy(polite)).subject].sort(), polite).toEqual(subject);
    }
  });

  it('keep a thank-you a thank-you and a yes/no question about ability a yes/no question', () => {
    expect(detectIntent('Thanks!').primary).toBe('thanks');
    expect(detectIntent('Thank you for your time.').primary).toBe('thanks');
    expect(detectIntent('Thanks, that was helpful').primary).toBe('thanks');
    expect(detectIntent('Can you swim?').primary).toBe('yesno');
    expect(withoutCourtesy('What would you change if you could change one thing?')).toContain('if you could change');
  });

  it("keep the user's capitals in what is left", () => {
    expect(withoutCourtesy('Please tell me what you think about AI on Instagram, thanks')).toBe(
      'tell me what you think about AI on Instagram',
    );
  });

  it('never turn an answer every shipped persona gives into "I don\'t know", nor get quoted back', async () => {
    for (const id of SHIPPED_IDS) {
      const { persona, profile } = shipped(id);
      for (const [plain, politeForms] of POLITE_FORMS) {
        for (const seed of SEEDS) {
          const plainMissed = missed(await reply(persona, profile, plain, seed));
          for (const polite of politeForms) {
            const text = await reply(persona, profile, polite, seed);
            expect(text, `${id} (${seed}): ${polite}`).not.toMatch(COURTESY_ECHO);
            if (!plainMissed) expect(missed(text), `${id} (${seed}): ${polite} -> ${text}`).toBe(false);
          }
        }
      }
    }
  });
});
