import { describe, expect, it } from 'vitest';
import type { Persona } from '../../src/persona/schema.js';
import { authoredSentenceFor } from '../../src/providers/offline/recall/index.js';
import { answer, interview, shipped } from './offline-shipped-support.js';

// A question no topic covers, about something the file's authored answers mention in passing:
// the sentence that says it, not "I'd be guessing". Found by the words that name the thing
// asked about, and only where the sentence is about it.

const cfo = shipped('cfo');
const sentenceFor = (persona: Persona, question: string) => authoredSentenceFor(persona, question);

describe('authoredSentenceFor', () => {
  it('finds the sentence inside an answer written for another question', () => {
    // The pricing answer ends with this sentence; no fact or topic holds "payback".
    expect(sentenceFor(cfo, 'What payback period do you expect?')).toMatch(/^Payback inside eighteen months/);
    expect(sentenceFor(cfo, 'And the payback period?')).toMatch(/^Payback inside eighteen months/);
  });

  it('wants every word that names something, and a sentence about it rather than one that passes it', () => {
    // "lunch" is in the layoffs story, at the end of a sentence about the layoffs.
    expect(sentenceFor(cfo, 'Do you like lunch?')).toBeUndefined();
    expect(sentenceFor(cfo, 'What about the layoffs?')).toMatch(/cost model for the layoffs/);
    // "payback" is there, "royalties" is not: not an answer about payback royalties.
    expect(sentenceFor(cfo, 'What about payback royalties?')).toBeUndefined();
    // Only words that name nothing of their own: nothing to go on.
    expect(sentenceFor(cfo, 'Any thoughts, in general?')).toBeUndefined();
  });

  it('does not take a word named in a list for what the sentence is about', () => {
    // "Being pushed into services I can't own: banking, health, even the car, …" is not about his health.
    const engineer = shipped('retired-engineer');
    expect(sentenceFor(engineer, "How's your health?")).toBeUndefined();
    // The bank statements he went through are.
    expect(sentenceFor(engineer, 'What about the bank?')).toMatch(/bank statements/);
  });

  it('is not led by a word that names nothing of its own, or by another word with the same stem', () => {
    // "my old copy started giving trouble", "net worth", "critical care": none is what was asked.
    for (const id of ['retired-engineer', 'municipal-buyer', 'sao-paulo-student'])
      expect(sentenceFor(shipped(id), 'How old are you?')).toBeUndefined();
    expect(sentenceFor(shipped('startup-cto'), 'Was it worth it?')).toBeUndefined();
    for (const id of ['icu-nurse', 'single-parent']) expect(sentenceFor(shipped(id), 'What about the car?') ?? '').not.toMatch(/care/i);
  });

  it('never gives a sentence that leans on the one before it', () => {
    // "That second fact worries me more than the first." follows the tools answer.
    expect(sentenceFor(cfo, 'Which second fact worries you?')).toBeUndefined();
  });
});

describe('the offline engine on a question no topic covers', () => {
  it('answers from the authored sentence, in a follow-up too, and says it again when asked again', async () => {
    const reply = await answer(cfo, 'What payback period do you expect?');
    expect(reply).toMatch(/Payback inside eighteen months/);
    expect(reply).not.toMatch(/guessing/i);
    const replies = await interview(cfo, ['What would you pay for a tool like this?', 'And the payback period?']);
    // Said inside the pricing answer already: said again, as said before, since it is what was asked.
    expect(replies[0]).toMatch(/Payback inside eighteen months/);
    expect(replies[1]).toMatch(/^As I said: Payback inside eighteen months/);
  });

  it('gives the age the file gives, in years or as its range, asked once or twice', async () => {
    expect(await answer(cfo, 'How old are you?')).toMatch(/^I'm 56\.$/);
    expect(await answer(shipped('municipal-buyer'), "What's your age?")).toMatch(/^Somewhere between 55 and 64\.$/);
    const replies = await interview(shipped('retired-engineer'), ['How old are you?', 'Sorry, how old are you?']);
    expect(replies).toEqual(["I'm 72.", "As I said: I'm 72."]);
    // About someone else's age: not the person's.
    expect(await answer(cfo, 'How old are your kids?')).not.toMatch(/I'm 56/);
  });
});
