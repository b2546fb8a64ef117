import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPersonaFile } from '../../src/persona/loader.js';
import type { Persona } from '../../src/persona/schema.js';
import { personaFacts } from '../../src/providers/offline/recall/persona-facts.js';
import { cardJson } from '../cards/card-builders.js';
import { tempDir } from '../support/temp.js';
import { answer, interview, personaFrom } from './offline-shipped-support.js';

// Files with no authored lines (a TinyTroupe agent, a character card, a user's own file): the
// engine answers from whatever fields they hold, in the first person, without inventing figures.

const agent = (): Persona => loadPersonaFile(join(process.cwd(), 'test/fixtures/tinytroupe/Ingrid.agent.json')).persona;

function ownFile(): Persona {
  const data = {
    name: 'Dariusz Lewandowski',
    baseSelection: { gender: 'Male', occupation: 'Locksmith', location: 'Gdańsk, Poland' },
    customInputs: {
      background:
        'Dariusz opened his workshop near the shipyard in 2006. He cuts keys from 8 a.m., his brother Piotr answers emergency calls at night, and he keeps the accounts in a paper ledger.',
    },
    generatedInsights: { painPoints: ['Loses customers to hardware-store key machines', 'Prices of key blanks keep rising'] },
    hobbies: ['Sea fishing', 'Restoring old padlocks'],
    daily_routine: { morning: ['Checks the van before leaving home.'], evening: ['Answers messages until nine.'] },
    mentors: [{ name: 'Jan', description: 'His old master, who taught him the trade in 1998.' }],
  };
  return personaFrom('dariusz', data);
}

describe('facts from every field a file or importer produces', () => {
  it('reads nested records, lists of records and keys the format does not define', () => {
    const facts = personaFacts(agent());
    const byField = (field: string) => facts.filter((f) => f.field === field).map((f) => f.text);
    expect(byField('routines')).toEqual(expect.arrayContaining(['Opens the yard at 6:45.', 'Checks the weather twice a day.']));
    expect(byField('relationships').join(' ')).toMatch(/^Per, your foreman for eighteen years\./);
    expect(byField('dislikes')).toContain('Subscriptions');
    expect(byField('skills')).toContain('Glass-fibre repair');
    expect(byField('history').join(' ')).toMatch(/grandfather founded the yard in 1952/);
    // The kept copy of the agent is not read twice.
    expect(facts.filter((f) => /6:45/.test(f.text))).toHaveLength(1);
    const own = personaFacts(ownFile());
    expect(own.find((f) => f.text === 'Sea fishing')?.field).toBe('likes');
    expect(own.find((f) => f.text.startsWith('Checks the van'))?.field).toBe('routines');
    expect(own.find((f) => f.text.startsWith('Jan,'))?.field).toBe('relationships');
  });
});

describe('answers from a file without authored lines', () => {
  it('answers routine, frustration, advice and origin questions from an imported agent, as "I"', async () => {
    const persona = agent();
    expect(await answer(persona, 'What does a normal week look like?')).toMatch(/6:45|weather|foreman|60 boats|quotes by hand/);
    expect(await answer(persona, 'What frustrates you most at work?')).toMatch(/subscription|internet|margins|season/i);
    expect(await answer(persona, 'Who do you trust for advice?')).toMatch(/Per\b|foreman/);
    expect(await answer(persona, 'How did you get into this line of work?')).toMatch(/grandfather|1952|boatyard/);
    const replies = await interview(persona, [
      'What does a normal week look like?',
      'Tell me more.',
      'Why?',
      'Can you give me an example?',
    ]);
    for (const reply of replies) expect(reply).not.toMatch(/\b(you|your)\b/i);
  });

  it('puts a prose background in the first person, without the third person left over', async () => {
    const persona = ownFile();
    const replies = await interview(persona, [
      'Could you introduce yourself?',
      'Walk me through a typical day.',
      "What's the hardest part of the job?",
      'Who do you go to for advice?',
      'Tell me more.',
    ]);
    const all = replies.join(' ');
    expect(all).toMatch(/I cut keys from 8 a\.m\., my brother Piotr/);
    expect(all).toMatch(/I lose customers to hardware-store key machines/);
    expect(all).not.toMatch(/\bI [a-z]+s\b(?<!\bI (was|has|is|does))|\b(he|his|him)\b|Dariusz (opened|cuts)/);
  });

  it('never gives a figure the file does not contain, across an interview with money questions', async () => {
    for (const persona of [agent(), ownFile()]) {
      const file = JSON.stringify(persona.data).replace(/(\d),(\d)/g, '$1$2');
      const replies = await interview(persona, [
        'How much do you spend on materials a month?',
        'Roughly how much?',
        'What would you pay for software that did your books?',
        'How much do you earn?',
      ]);
      for (const reply of replies)
        for (const figure of reply.replace(/(\d),(\d)/g, '$1$2').match(/\d+(?:\.\d+)?/g) ?? []) expect(file, reply).toContain(figure);
    }
  });

  it('goes on from the previous answer when asked for more, even when the question named no topic', async () => {
    const [, more] = await interview(agent(), ['What keeps you busy at the yard?', 'Tell me more.']);
    expect(more).toMatch(/yard|quotes|weld|invoice|boats|foreman|weather|balance sheet|repair/i);
  });

  it('answers from a character card, with its placeholders filled in and its text in the first person', async () => {
    const file = join(tempDir(), 'seraphina.json');
    writeFileSync(file, cardJson(2));
    const persona = loadPersonaFile(file).persona;
    const reply = await answer(persona, 'Could you introduce yourself?');
    expect(reply).toMatch(/I am the guardian of the Eldoria forest/);
    expect(reply).not.toMatch(/\{\{|Seraphina is/);
  });

  it('answers a hobby question from a key the persona format does not define', async () => {
    expect(await answer(ownFile(), 'What do you do for fun?')).toMatch(/fishing|padlocks/i);
  });
});
