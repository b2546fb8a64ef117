import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENTS, TOPIC_INTENTS, isIntent } from '../../src/persona/intents.js';
import { loadPersonaFile, shippedPersonaDir } from '../../src/persona/loader.js';

// Every shipped persona carries first-person material the offline engine speaks from and live models
// see as example dialogue. These checks hold the coverage the interview needs, not the wording.

const dir = shippedPersonaDir();
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort();

/** Sentences of at least four words, normalised for comparison. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim().toLowerCase().replace(/\s+/g, ' '))
    .filter((s) => s.split(' ').length >= 4);
}

/** The first three words, the way an answer is heard to open. */
function openingOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .join(' ');
}

describe('the intent list', () => {
  it('has unique ids, and the topics include anything-else', () => {
    expect(new Set(INTENTS).size).toBe(INTENTS.length);
    expect(TOPIC_INTENTS).toContain('anything-else');
    expect(isIntent('are-you-ai')).toBe(true);
    expect(isIntent('daily routine')).toBe(false);
  });
});

describe('authored material in shipped personas', () => {
  it('finds the shipped personas', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of files) {
    describe(name, () => {
      const { persona } = loadPersonaFile(join(dir, name), 'shipped');
      const dialogue = persona.data.exampleDialogue ?? [];
      const stories = persona.data.stories ?? [];

      it('has at least 26 exchanges, each tagged with a known intent', () => {
        expect(dialogue.length).toBeGreaterThanOrEqual(26);
        const unknown = dialogue.filter((d) => !d.intent || !isIntent(d.intent)).map((d) => d.intent ?? '(none)');
        expect(unknown).toEqual([]);
      });

      it('covers every topic intent', () => {
        const covered = new Set(dialogue.map((d) => d.intent));
        expect(TOPIC_INTENTS.filter((t) => !covered.has(t))).toEqual([]);
      });

      it('answers in one to four sentences, and answers price questions with a number', () => {
        const long = dialogue.filter((d) => d.persona.trim().split(/(?<=[.!?])\s+/).length > 4).map((d) => d.user);
        expect(long).toEqual([]);
        const price = dialogue.filter((d) => d.intent === 'price');
        expect(price.length).toBeGreaterThan(0);
        for (const d of price) expect(d.persona, d.user).toMatch(/\d/);
      });

      it('says truthfully that it is simulated when asked whether it is an AI', () => {
        const answers = dialogue.filter((d) => d.intent === 'are-you-ai').map((d) => d.persona);
        expect(answers.length).toBeGreaterThan(0);
        for (const answer of answers) expect(answer).toMatch(/simulat/i);
      });

      it('has at least four stories, each with a known intent and an about', () => {
        expect(stories.length).toBeGreaterThanOrEqual(4);
        for (const story of stories) {
          expect(story.intent && isIntent(story.intent)).toBe(true);
          expect(story.about?.trim()).toBeTruthy();
          expect(story.text.length).toBeGreaterThan(200);
        }
      });

      it('never says the same sentence twice across its answers and stories', () => {
        const seen = new Map<string, number>();
        for (const text of [...dialogue.map((d) => d.persona), ...stories.map((s) => s.text)]) {
          for (const sentence of new Set(sentencesOf(text))) seen.set(sentence, (seen.get(sentence) ?? 0) + 1);
        }
        expect([...seen].filter(([, n]) => n > 1).map(([s]) => s)).toEqual([]);
      });

      it('opens each answer differently and asks each question once', () => {
        const openings = dialogue.map((d) => openingOf(d.persona));
        expect(openings.filter((o, i) => openings.indexOf(o) !== i)).toEqual([]);
        const questions = dialogue.map((d) => d.user.trim().toLowerCase());
        expect(questions.filter((q, i) => questions.indexOf(q) !== i)).toEqual([]);
      });
    });
  }
});
