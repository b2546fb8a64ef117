import type { FactKind } from './facts.js';

// Sentence templates that put one persona fact into the persona's mouth. Each is tagged with the
// fact shapes it reads well with (see first-person.ts) and, optionally, the register it belongs
// to, so a formal CFO never says "Ugh" and a casual creator never says "my principal reservation".
//
// Tag syntax, at the start of a template:
//   `~` casual speakers only, `^` formal speakers only (no mark: anyone)
//   `c:` clause only, `p:` noun phrase only, `a:` bare verb phrase only (no mark: any shape)
// Slots: {x} the fact mid-sentence, {X} the fact opening a sentence, {label} an extra key's name.

export const FACT_TEMPLATES: Record<FactKind, readonly string[]> = {
  painPoint: [
    "Honestly, {x}, and that's what I'd want fixed first.",
    "Here's my real problem: {x}.",
    '{X}. That part wears me down.',
    'The biggest thing for me? {X}.',
    '^The most pressing issue for me is this: {x}.',
    '~Ugh, {x}. It drives me up the wall.',
    'c:The thing that gets me is that {x}.',
    'c:What nobody seems to fix is that {x}.',
    'p:My biggest headache is {x}.',
    'p:{X} {is} a constant source of friction for me.',
    'p:What wears me down is {x}.',
    'a:I keep trying to {x}, and it never gets easier.',
  ],
  challenge: [
    'Right now my challenge is this: {x}.',
    'The hard part, honestly: {x}.',
    '^A significant challenge for me at present: {x}.',
    "~Not gonna lie, {x}, and it's a lot.",
    'c:What makes it hard is that {x}.',
    'p:{X} {is} the hardest part of my week.',
    'p:I spend a lot of energy on {x}.',
    "a:I'm trying to {x}, and it's harder than it sounds.",
  ],
  objection: [
    'My hesitation: {x}.',
    'The catch for me is this: {x}.',
    "{X}. That's usually where I stop listening.",
    '^My principal reservation is this: {x}.',
    '~Real talk: {x}.',
    'c:My worry is that {x}.',
    'c:What holds me back is that {x}.',
    "p:I'd want a straight answer on {x} before anything else.",
    "p:{X} {is} the first thing I'd push back on.",
    'p:{X} {is} a deal-breaker for me.',
    "a:Before anything else, I'd need to {x}.",
  ],
  value: [
    'For me it always comes back to this: {x}.',
    "One thing I won't compromise on: {x}.",
    '^A principle I hold firmly: {x}.',
    'p:I care a lot about {x}.',
    'p:{X}: nothing matters more to me.',
    '~p:{X} {is} a big deal for me, honestly.',
    'c:Deep down, {x}.',
    'c:At the end of the day, {x}.',
    'a:I always try to {x}.',
  ],
  motivation: [
    'What really drives me: {x}.',
    'What gets me going is this: {x}.',
    '^My primary motivation is this: {x}.',
    'p:I am motivated by {x}.',
    "p:If something helps with {x}, I'm listening.",
    'c:Truth is, {x}.',
    'c:Mostly, {x}.',
    'a:What I really want is to {x}.',
    "a:More than anything, I'd like to {x}.",
  ],
  goal: [
    'The goal right now: {x}.',
    'On my list for this year: {x}.',
    '^My current objective: {x}.',
    'p:Right now I am working toward {x}.',
    'p:My big goal is {x}.',
    'c:Right now, {x}.',
    'c:The plan is simple: {x}.',
    'a:My big goal is to {x}.',
    "a:Right now I'm trying to {x}.",
    'a:This year I want to {x}.',
    '~a:Lowkey obsessed with trying to {x}.',
  ],
  interest: [
    'Outside of work? {X}.',
    "One thing I'm into: {x}.",
    '^In my own time, I enjoy this: {x}.',
    "p:I'm really into {x}.",
    '~p:{X} {is} my happy place.',
    'p:I spend a lot of my free time on {x}.',
    'c:Fun fact: {x}.',
    'a:I love to {x}.',
  ],
  lifestyle: [
    'Day to day? {X}.',
    'c:Most days, {x}.',
    'c:On a normal day, {x}.',
    'My life in a sentence: {x}.',
    'c:These days, {x}.',
    'p:My life revolves around {x}.',
    "a:Most days I'm trying to {x}.",
  ],
  background: [
    'For context: {x}.',
    'A bit of background: {x}.',
    '^Some context that may help: {x}.',
    'c:{X}.',
    'c:For what it is worth, {x}.',
  ],
  attitude: [
    "I'll be upfront: {x}.",
    'Generally? {X}.',
    '^To be candid: {x}.',
    'c:{X}.',
    'c:Generally, {x}.',
    'p:My attitude comes down to {x}.',
    'a:I tend to {x}.',
  ],
  buying: [
    'When I buy, this is how it goes: {x}.',
    'My process: {x}.',
    '^My purchasing approach is this: {x}.',
    'c:Usually {x}.',
    'c:{X}, every time.',
    'p:My buying process is mostly {x}.',
    'a:Before I buy anything, I {x}.',
  ],
  channel: ['You would find me here: {x}.', 'c:{X}.', 'p:I pay attention to {x}.', 'p:{X} {is} where I actually pay attention.'],
  communication: [
    'How to talk to me: {x}.',
    '^My preference in communication: {x}.',
    'c:{X}.',
    'p:I prefer {x}.',
    'p:{X}: that works best for me.',
  ],
  extra: ['When it comes to {label}: {x}.', 'As for {label}: {x}.', 'c:On {label}, {x}.'],
};

export interface Template {
  text: string;
  register?: 'casual' | 'formal';
  shape?: 'clause' | 'phrase' | 'action';
}

/** Reads the tag prefix off a template string once. */
export function parseTemplate(source: string): Template {
  let text = source;
  let register: Template['register'];
  if (text.startsWith('~')) register = 'casual';
  else if (text.startsWith('^')) register = 'formal';
  if (register) text = text.slice(1);
  const shapeTag = text.match(/^([cpa]):/)?.[1];
  const shape = shapeTag === 'c' ? 'clause' : shapeTag === 'p' ? 'phrase' : shapeTag === 'a' ? 'action' : undefined;
  if (shape) text = text.slice(2);
  return { text, register, shape };
}
