import { describe, expect, it } from 'vitest';
import type { ChatProfile, Persona } from '../../src/persona/schema.js';
import { toFirstPerson } from '../../src/providers/offline/first-person.js';
import { coreOf, roleOf, whereabouts } from '../../src/providers/offline/identity.js';
import { detectIntent } from '../../src/providers/offline/intents.js';
import * as L from '../../src/providers/offline/lines.js';
import { pitchDetails } from '../../src/providers/offline/pitch.js';
import { tidyPunctuation } from '../../src/providers/offline/punctuation.js';
import { applyRegister } from '../../src/providers/offline/style.js';
import { isAbout, topicStems } from '../../src/providers/offline/topic-match.js';
import { cfo, cfoProfile, profileWith } from './offline-fixtures.js';
import { converse, reply } from './offline-helpers.js';

// The offline engine is the first thing a new user talks to, so its replies must read like a
// person being interviewed: form fields said the way people say them, grammar that survives the
// switch to first person, answers to the question actually asked (a normal day, a pitch, a "why
// not?"), and no template seams (stacked openers, doubled punctuation, padding facts).

const nurse: Persona = {
  id: 'nurse',
  name: 'Siobhan Gallagher',
  source: '(test)',
  origin: 'path',
  data: {
    name: 'Siobhan Gallagher',
    baseSelection: {
      age: 38,
      occupation: 'Senior staff nurse (Band 6), adult intensive care, mostly nights',
      industry: 'Healthcare (NHS hospital)',
      location: 'Stockport, England',
    },
    customInputs: {
      background:
        'Siobhan has worked nights in intensive care for nine years. Her husband drives buses on day shifts, so after a night she sleeps until 14:30 and does the 15:15 school pickup.',
      challenges: ['Posting rota swaps is burning her out', 'The rota is released only six weeks ahead'],
    },
    psychographics: {
      interests: ['Open-water swimming', 'Growing heirloom tomatoes'],
      lifestyle: [
        'Up at 14:30 after a night shift, walks the dog, cooks for the week on Sundays',
        'Weekends at her sister’s when the rota allows',
      ],
    },
    generatedInsights: {
      painPoints: ['Rota changes arrive through two apps that disagree', 'About 40 minutes between getting home and needing to sleep'],
      objections: [
        'Support that only answers by email',
        'Another subscription on top of the ones she already pays for',
        'Health data being sold',
      ],
      motivations: ['More predictable time with her kids', 'Sleeping properly after nights'],
      buyingBehavior:
        'Asks colleagues in the unit WhatsApp group before trying anything new. Tries free versions first and cancels whatever needs managing.',
    },
  },
};

const nurseProfile: ChatProfile = profileWith({
  formality: 0.4,
  verbosity: 'moderate',
  warmth: 0.7,
  directness: 0.6,
  skepticism: 0.6,
  structure: 0.2,
  emojiUse: 'none',
  passions: ['Open-water swimming'],
  avoids: ['ads that look like ads', 'fintech apps that freeze accounts without warning'],
  signaturePhrases: ['Who else like us is running it?', 'Can I own it outright?'],
});

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const INTERVIEW = [
  'Hi! Tell me about yourself.',
  'What does a normal day look like for you?',
  'What frustrates you most at work?',
  'We built an app that automates your weekly planning for $15/month. Would you use it?',
  'Why not?',
  'What would change your mind?',
  'Thanks for your time!',
];

async function interviews(persona: Persona, profile: ChatProfile): Promise<string[][]> {
  return Promise.all(SEEDS.map((seed) => converse(persona, profile, INTERVIEW, seed)));
}

describe('offline interview: who I am, said aloud', () => {
  it('cuts form fields to their core and lower-cases them mid-sentence, keeping acronyms', () => {
    expect(coreOf('Full-time content creator (thrift flips and budget styling)')).toBe('full-time content creator');
    expect(coreOf('Senior staff nurse (Band 6), adult intensive care, mostly nights')).toBe('senior staff nurse');
    expect(coreOf('High-school mathematics teacher and homeroom teacher')).toBe('high-school mathematics teacher');
    expect(coreOf('Smallholder dairy and avocado farmer')).toBe('smallholder dairy and avocado farmer');
    expect(coreOf('Creator economy / social media')).toBe('creator economy');
    expect(coreOf('Chief Financial Officer')).toBe('chief financial officer');
    expect(coreOf('B2B SaaS (freight visibility for shippers)')).toBe('B2B SaaS');
    expect(
      roleOf({
        name: 'C',
        callName: 'C',
        occupation: 'Owner of a fabric and ready-to-wear shop',
        industry: 'Retail (fashion and textiles)',
      }),
    ).toBe('an owner of a fabric and ready-to-wear shop in retail');
    expect(roleOf({ name: 'M', callName: 'M', occupation: 'CFO', industry: 'manufacturing' })).toBe('a CFO in manufacturing');
    expect(whereabouts({ name: 'C', callName: 'C', location: 'Lagos, Nigeria (shop on Lagos Island, home in Surulere)' })).toBe(
      'based in Lagos, Nigeria',
    );
    expect(whereabouts({ name: 'W', callName: 'W', location: 'Near Othaya, Nyeri County, Kenya' })).toBe(
      'based near Othaya, Nyeri County, Kenya',
    );
  });

  it('introduces itself without capitals or parentheses from the form mid-sentence', async () => {
    const text = await reply(nurse, nurseProfile, 'Tell me about yourself', 1);
    expect(text).toContain("I'm Siobhan, 38, a senior staff nurse in healthcare, based in Stockport, England.");
    expect(text).not.toMatch(/\(Band 6\)|a Senior|in Healthcare/);
  });

  it('names its interests in lower case when steering away from a question', async () => {
    for (const seed of SEEDS) {
      const text = await reply(
        nurse,
        { ...nurseProfile, passions: ['Growing heirloom tomatoes'] },
        "What's the capital of Mongolia?",
        seed,
      );
      expect(text).not.toMatch(/\S (about|is) Growing/);
    }
  });
});

describe('offline interview: grammar', () => {
  it('ends a sentence with one mark even when a catchphrase brings its own', async () => {
    expect(tidyPunctuation('Who else like us is running it?? Fine.. Really?. Wait...')).toBe(
      'Who else like us is running it? Fine. Really? Wait...',
    );
    for (const replies of await interviews(nurse, { ...nurseProfile, skepticism: 0.9 }))
      for (const text of replies) expect(text).not.toMatch(/[?!.][?!.](?<!\.\.)|\?\./);
  });

  it('keeps verbs and pronouns agreeing after the switch to first person', () => {
    expect(toFirstPerson('She now moves 30% of every payment into savings').text).toBe('I now move 30% of every payment into savings');
    expect(toFirstPerson('Posting daily is burning her out').text).toBe('posting daily is burning me out');
    expect(toFirstPerson('Her husband drives buses, so after a night she sleeps until 14:30 and does the school pickup').text).toBe(
      'my husband drives buses, so after a night I sleep until 14:30 and do the school pickup',
    );
    expect(toFirstPerson('Up at 6:00, walks to the bakery, reads the paper', [], { habits: true }).text).toBe(
      'up at 6:00, I walk to the bakery, read the paper',
    );
    expect(toFirstPerson('Weekends at the family cabin', [], { habits: true }).text).toBe('weekends at the family cabin');
    expect(toFirstPerson('Support that only answers by email').form).not.toBe('action');
    expect(toFirstPerson('Matching screenshots takes her an hour every night').text).toBe(
      'matching screenshots takes me an hour every night',
    );
    expect(toFirstPerson('Distrusts salespeople who try to meet her during a tender').text).toBe(
      'I distrust salespeople who try to meet me during a tender',
    );
    expect(toFirstPerson('Joined the firm as a cost accountant, and has been CFO since 2014', ['Diane']).text).toBe(
      'I joined the firm as a cost accountant, and have been CFO since 2014',
    );
    expect(toFirstPerson('Lucas grew up in Ribeirão Preto', ['Lucas Ferreira dos Santos', 'Lucas']).text).toBe(
      'I grew up in Ribeirão Preto',
    );
  });

  it('frames a noun-phrase objection as a thing, never as something it needs to do', async () => {
    for (const replies of await interviews(nurse, nurseProfile)) {
      const all = replies.join('\n');
      expect(all).not.toMatch(/need to support that|to support that only/i);
      expect(all).not.toMatch(/\bI (now )?moves\b|burning my out|\bI sleep[^.]* and does\b/);
    }
  });
});

describe('offline interview: avoided topics', () => {
  it('matches an avoided topic on the words that carry it, not on "look" or "app"', () => {
    const about = (topic: string, question: string): boolean => isAbout(topic, new Set(topicStems(question)));
    expect(about('ads that look like ads', 'What does a normal day look like for you?')).toBe(false);
    expect(about('fintech apps that freeze accounts without warning', 'We built an app that plans your week. Would you use it?')).toBe(
      false,
    );
    expect(about('fintech apps that freeze accounts without warning', 'What do you think of fintech apps?')).toBe(true);
    expect(about('ads that look like ads', 'Do you mind ads in your feed?')).toBe(true);
    expect(about('politics', 'What do you think about politics?')).toBe(true);
  });

  it('answers a normal-day question and a pitch instead of deflecting them', async () => {
    for (const replies of await interviews(nurse, nurseProfile)) {
      expect(replies[1]).not.toMatch(/rather not|prefer not|leave .* out of it|not really something I want/i);
      expect(replies[3]).not.toMatch(/rather not|prefer not|leave .* out of it|not really something I want/i);
    }
  });
});

describe('offline interview: answering what was asked', () => {
  it('recognises a normal day and a change of mind as questions of their own', () => {
    expect(detectIntent('What does a normal day look like for you?').primary).toBe('routine');
    expect(detectIntent("What's your typical day like?").primary).toBe('routine');
    expect(detectIntent('What would change your mind?').primary).toBe('persuade');
    expect(detectIntent('What would it take to convince you?').primary).toBe('persuade');
  });

  it('describes a normal day from the lifestyle facts and the job, as prose without pain points', async () => {
    for (const seed of SEEDS) {
      const text = await reply(nurse, { ...nurseProfile, structure: 0.9 }, 'What does a normal day look like for you?', seed);
      expect(text).toMatch(/walk the dog|cook for the week|weekends at my sister/i);
      expect(text).not.toMatch(/\n1\. /);
      expect(text).not.toMatch(/rota changes arrive|40 minutes between/i);
    }
  });

  it('reacts to a pitch with a verdict and the price said back', async () => {
    for (const replies of await interviews(nurse, nurseProfile)) {
      const pitch = replies[3]!;
      expect(pitch).toMatch(/^(\S+ )?(Honestly\? I'd give it a go|Yes, I'd try it|Maybe|Possibly|Probably not|Not as it stands)/);
      expect(pitch).toContain('$15 a month');
    }
    expect(pitchDetails('We built an app that automates your weekly planning for $15/month. Would you use it?')).toEqual({
      thing: 'an app that automates my weekly planning',
      price: '$15 a month',
    });
  });

  it('answers "why not?" with the reason against, not a new verdict or a list of facts', async () => {
    const objections = /support that only answers by email|another subscription|health data being sold/i;
    for (const replies of await interviews(nurse, nurseProfile)) {
      const why = replies[4]!;
      expect(why).toMatch(objections);
      expect(why).not.toMatch(/^(Maybe|Possibly|Probably not|Not as it stands|Yes)/);
      expect(why).not.toMatch(/\n1\. /);
    }
  });

  it('says what would change its mind from how it buys and what it wants, never "not the right person"', async () => {
    for (const replies of await interviews(nurse, nurseProfile)) {
      const persuade = replies[5]!;
      expect(persuade).toMatch(/WhatsApp group|free versions|try it|trial|someone like me/i);
      expect(persuade).not.toMatch(/not the right person|outside my world|don't know much/i);
    }
  });

  it('answers the same interview the same way for the same seed', async () => {
    expect(await converse(nurse, nurseProfile, INTERVIEW, 9)).toEqual(await converse(nurse, nurseProfile, INTERVIEW, 9));
  });
});

describe('offline interview: no template seams', () => {
  const openers = [
    ...L.FOLLOWUP_LEADS,
    ...L.LIST_LEADS,
    ...L.BLUNT_OPENERS,
    ...L.PASSION_LIGHTS_UP,
    ...Object.values(L.WARM_OPENERS).flat(),
  ]
    .map((line) => line.replace(/^[~^]/, ''))
    .flatMap((line) => [applyRegister(line, 'formal'), applyRegister(line, 'casual'), line]);

  it('opens a reply with one opener at most', async () => {
    for (const [persona, profile] of [
      [nurse, nurseProfile],
      [cfo, cfoProfile],
      [cfo, { ...cfoProfile, warmth: 0.9, structure: 0.9 }],
    ] as const) {
      for (const replies of await interviews(persona, profile)) {
        for (const text of replies) expect(new Set(openers.filter((o) => text.includes(o))).size, text).toBeLessThanOrEqual(1);
      }
    }
  });

  it('does not pad a complaint answer with objections that have nothing to do with it', async () => {
    for (const seed of SEEDS) {
      const text = await reply(cfo, cfoProfile, 'What frustrates you most at work?', seed);
      expect(text).not.toMatch(/too expensive for the value|implementation costs are always|data security in the cloud/i);
    }
  });
});
