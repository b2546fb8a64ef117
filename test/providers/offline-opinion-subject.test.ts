import { describe, expect, it } from 'vitest';
import type { Persona } from '../../src/persona/schema.js';
import { DONT_KNOW } from '../../src/providers/offline/realize/lines.js';
import { cfo, cfoProfile } from './offline-fixtures.js';
import { factsOnly, interview, SHIPPED } from './offline-shipped-support.js';
import { reply } from './offline-helpers.js';

// "How do you feel about remote work?" asks for a view on remote work. The weak cue "work" made it
// the work topic, and every persona described its job. The phrase is the subject: what the file
// says of it answers, and a file that knows nothing of it says so.

const DONT_KNOW_LINES = [...DONT_KNOW.formal, ...DONT_KNOW.casual];
const saysItDoesNotKnow = (text: string) => DONT_KNOW_LINES.some((line) => text.includes(line));

/** The CFO fixture with one line on remote work among its challenges. */
const remoteAware: Persona = {
  ...cfo,
  data: {
    ...cfo.data,
    customInputs: {
      ...cfo.data.customInputs,
      challenges: ['Legacy ERP that nobody wants to touch', 'Losing analysts to remote work at coastal firms'],
    },
  },
};

describe('a view asked on a phrase that ends in a weak cue word ("remote work")', () => {
  it('is answered from what the file says of the phrase, not with the job', async () => {
    const jobAnswer = await reply(remoteAware, cfoProfile, 'What do you do for work?', 1);
    for (const question of [
      'How do you feel about remote work?',
      "What's your take on remote work?",
      'What do you think of remote work?',
    ]) {
      const text = await reply(remoteAware, cfoProfile, question, 1);
      expect(text, question).toContain('remote work');
      expect(text, question).not.toBe(jobAnswer);
    }
  });

  it('is met with "I do not know" when the file says nothing of it, by every shipped persona', async () => {
    for (const persona of [...SHIPPED, ...SHIPPED.map(factsOnly)]) {
      expect(JSON.stringify(persona.data)).not.toMatch(/\bgig\b/i);
      const [, second] = await interview(persona, ['Tell me about yourself.', "What's your view on gig work?"]);
      expect(saysItDoesNotKnow(second!), `${persona.id}: ${second}`).toBe(true);
    }
  });

  it("leaves questions about the person's own work alone", async () => {
    const jobAnswer = await reply(remoteAware, cfoProfile, 'What do you do for work?', 1);
    const own = await reply(remoteAware, cfoProfile, 'How do you feel about your job?', 1);
    expect(saysItDoesNotKnow(own)).toBe(false);
    expect(own).not.toContain('remote work');
    expect(jobAnswer.length).toBeGreaterThan(20);
  });
});
