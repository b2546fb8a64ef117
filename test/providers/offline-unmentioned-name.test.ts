import { describe, expect, it } from 'vitest';
import type { Persona } from '../../src/persona/schema.js';
import { unmentionedNameAsked, unmentionedThingAsked } from '../../src/providers/offline/recall/unmentioned-name.js';
import { answer, interview, personaFrom, shipped } from './offline-shipped-support.js';

// "Do you use Slack?" about a product the file never mentions: the reply says they don't, as far
// as they can think, before what they do use. A name the file has anywhere, a lower-case thing
// ("email") or a day of the week is left to the usual answer.

/** A file nobody here shipped: a plumber whose tools are a van, a paper diary and WhatsApp. */
function plumber(): Persona {
  return personaFrom('pat', {
    name: 'Pat Doyle',
    baseSelection: { gender: 'Male', occupation: 'Plumber', location: 'Cork, Ireland' },
    customInputs: {
      background: 'Pat runs a one-van plumbing business. Jobs go in a paper diary; customers reach him on WhatsApp.',
    },
    exampleDialogue: [
      { user: 'What tools do you use to run the business?', persona: 'The van, a paper diary and WhatsApp. That does me.' },
    ],
  });
}

/** The hedged "no" the reply opens with (after an opener such as "Frankly,"): never a flat denial, since the file is only silent. */
const DOES_NOT_USE = (name: string) =>
  new RegExp(
    `^(?:[A-Z][a-z]+(?: [a-z]+)*, )?(?:${name}\\? Not that I can think of|${name} isn't one|${name}\\? Wouldn't say|I can't say ${name} is|Can't say ${name} is)`,
  );

const firstSentence = (text: string) => text.split(/(?<=[.!])\s/)[0]!;

describe('a yes/no question about a product the file never mentions', () => {
  it('finds the name after the verb, capitalised as typed', () => {
    expect(unmentionedNameAsked(plumber(), 'Do you use Slack?')).toEqual({ name: 'Slack', kind: 'use' });
    expect(unmentionedNameAsked(plumber(), 'So, have you ever tried Google Calendar for the jobs?')).toEqual({
      name: 'Google Calendar',
      kind: 'use',
    });
    expect(unmentionedNameAsked(plumber(), 'Are you on LinkedIn?')).toEqual({ name: 'LinkedIn', kind: 'use' });
    expect(unmentionedNameAsked(plumber(), 'Do you own an iPhone?')).toEqual({ name: 'iPhone', kind: 'use' });
    expect(unmentionedNameAsked(plumber(), 'Have you heard of Jobber?')).toEqual({ name: 'Jobber', kind: 'heard' });
    expect(unmentionedNameAsked(plumber(), 'Do you have Netflix at home?')).toEqual({ name: 'Netflix', kind: 'use' });
  });

  it('leaves alone what the file names, common things, the calendar and other questions', () => {
    expect(unmentionedNameAsked(plumber(), 'Do you use WhatsApp?')).toBeUndefined();
    // One word of the name in the file is enough: the file may answer it.
    expect(unmentionedNameAsked(plumber(), 'Do you use WhatsApp Business?')).toBeUndefined();
    expect(unmentionedNameAsked(plumber(), 'Do you use email?')).toBeUndefined();
    expect(unmentionedNameAsked(plumber(), 'Do you use the new scheduling app?')).toBeUndefined();
    expect(unmentionedNameAsked(plumber(), 'Are you on Sundays?')).toBeUndefined();
    expect(unmentionedNameAsked(plumber(), 'Do you have kids?')).toBeUndefined();
    expect(unmentionedNameAsked(plumber(), 'Do you use AI?')).toBeUndefined();
    expect(unmentionedNameAsked(plumber(), 'Do you own a TV?')).toBeUndefined();
    expect(unmentionedNameAsked(plumber(), 'Do you use a CRM?')).toBeUndefined();
    expect(unmentionedNameAsked(plumber(), 'What do you think of Slack?')).toBeUndefined();
    expect(unmentionedNameAsked(plumber(), 'Do you like Cork?')).toBeUndefined();
  });

  it('finds a name the file lists on a line of its own, and a one-letter name', () => {
    const listed = personaFrom('kim', {
      name: 'Kim Park',
      customInputs: { tools: 'Tools:\nSlack\nNotion', background: 'Posts on X every day.' },
    });
    expect(unmentionedNameAsked(listed, 'Do you use Slack?')).toBeUndefined();
    expect(unmentionedNameAsked(listed, 'Are you on X?')).toBeUndefined();
  });

  it('says he does not, then what he does use', async () => {
    const reply = await answer(plumber(), 'Do you use Slack?');
    expect(firstSentence(reply)).toMatch(DOES_NOT_USE('Slack'));
    expect(reply).toMatch(/paper diary/);
  });

  it('never denies flatly, and a name in lower case does not start the reply ("IPad")', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const reply = await answer(plumber(), 'Do you use an iPad for quotes?', seed);
      expect(firstSentence(reply)).toMatch(/^(?:[A-Z][a-z]+(?: [a-z]+)*, )?(?:I can't say|Can't say) iPad is/);
      expect(firstSentence(await answer(plumber(), 'Do you use Slack?', seed))).not.toMatch(/^(?:No|Not Slack)\b/);
    }
  });

  it('has not heard of it, in the same way', async () => {
    expect(await answer(plumber(), 'Have you heard of Jobber?')).toMatch(
      /^(?:Jobber\? (?:I )?can't say I have|Jobber\??,? doesn't ring a bell|I can't say I've come across Jobber|Can't say I've come across Jobber)/i,
    );
  });

  it('a name the file has is answered from the file, with no denial', async () => {
    const reply = await answer(plumber(), 'Do you use WhatsApp?');
    expect(reply).toMatch(/WhatsApp/);
    expect(firstSentence(reply)).not.toMatch(DOES_NOT_USE('WhatsApp'));
  });

  it('on a shipped persona: the CFO is on Epicor and Excel, not Salesforce', async () => {
    const reply = await answer(shipped('cfo'), 'Do you use Salesforce?');
    expect(firstSentence(reply)).toMatch(DOES_NOT_USE('Salesforce'));
    expect(reply).toMatch(/Epicor|Excel/);
  });
});

// "Do you play golf?" is placed by no topic: the person knows whether they play golf, so "I'd be
// guessing" was no answer. A thing none of whose words the file has gets the same hedged no.
describe('a yes/no question about a pastime or a possession the file never mentions', () => {
  it('finds the thing after the verb, keeping "a" and dropping "any"', () => {
    expect(unmentionedThingAsked(plumber(), 'Do you play golf?')).toEqual({ name: 'golf', kind: 'thing' });
    expect(unmentionedThingAsked(plumber(), 'Do you collect any stamps?')).toEqual({ name: 'stamps', kind: 'thing' });
    expect(unmentionedThingAsked(plumber(), 'Do you go to a gym?')).toEqual({ name: 'a gym', kind: 'thing' });
    // Not a possession: the file may have it under another word (a van is a vehicle).
    expect(unmentionedThingAsked(plumber(), 'Do you have a car?')).toBeUndefined();
  });

  it('leaves alone a thing the file has a word of, by stem', () => {
    // The plumber's file has his "diary" and "customers".
    expect(unmentionedThingAsked(plumber(), 'Do you keep a diary?')).toBeUndefined();
    expect(unmentionedThingAsked(plumber(), 'Do you collect diaries?')).toBeUndefined();
    expect(unmentionedThingAsked(plumber(), 'Do you play golf with customers?')).toBeUndefined();
  });

  it('answers with the hedged no alone, a different one each time', async () => {
    const replies = await interview(plumber(), ['Do you play golf?', 'Do you play chess?', 'Do you go to a gym?']);
    expect(replies[0]).toMatch(/^Golf\? /);
    expect(replies[1]).toMatch(/^Chess\? /);
    expect(replies[2]).toMatch(/^A gym\? /);
    for (const reply of replies) expect(reply).toMatch(/\? (?:Not|Nah|Can't say|I wouldn't)[^.]*\.$/);
    expect(new Set(replies.map((r) => r.replace(/^[^?]*\? /, ''))).size).toBe(3);
  });
});

describe('a yes/no question about something known to exist', () => {
  it('"Do you go to the club?" speaks of something known to exist: no hedged no', () => {
    expect(unmentionedThingAsked(plumber(), 'Do you go to the club?')).toBeUndefined();
    expect(unmentionedThingAsked(plumber(), 'Do you play your guitar much?')).toBeUndefined();
    expect(unmentionedThingAsked(plumber(), 'Do you go to a club?')).toEqual({ name: 'a club', kind: 'thing' });
  });
});

describe('a pastime asked by its own verb or with its instrument', () => {
  it('"Do you ski?" is skiing; "Do you play the fiddle?" keeps "the"; one the file has is left alone', () => {
    expect(unmentionedThingAsked(plumber(), 'Do you ski?')).toEqual({ name: 'skiing', kind: 'thing' });
    expect(unmentionedThingAsked(plumber(), 'Do you play the fiddle?')).toEqual({ name: 'the fiddle', kind: 'thing' });
    expect(unmentionedThingAsked(plumber(), 'Do you drink wine?')).toEqual({ name: 'wine', kind: 'thing' });
    const cyclist = personaFrom('ana', { name: 'Ana Ruiz', customInputs: { background: 'She has cycled to work for three years.' } });
    expect(unmentionedThingAsked(cyclist, 'Do you cycle?')).toBeUndefined();
  });
});
