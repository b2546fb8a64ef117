// Sentences for reacting to something put in front of the persona: a pitch, a price, a "why not?",
// a "what would change your mind?". Same tag syntax as lines.ts (`~` casual only, `^` formal
// only). Slots: {thing} what the user built, in the persona's words; {price} the price the user
// named ("$15 a month"); {x} a persona fact.

export const PITCH_YES = [
  "Honestly? I'd give it a go.",
  "Yes, I'd try it.",
  '~Ooh, yeah, I would try that.',
  '^Yes, I would be willing to trial it.',
];
export const PITCH_MAYBE = ['Maybe.', 'Possibly, but not on faith.', '~Maybe? Depends.', '^Possibly, under the right conditions.'];
export const PITCH_NO = ['Probably not, honestly.', 'Not as it stands.', '~Honestly? Probably not.', '^Not as it stands, no.'];

/** The pitch touches a pain the persona has. */
export const PITCH_FITS = [
  'Anything that helps with this gets my attention: {x}.',
  'If it actually takes this off my plate, that matters: {x}.',
  '^If it genuinely addressed this, it would matter to me: {x}.',
];
/** The pitch misses: say so, naming what they built. */
export const PITCH_MISSES = [
  "But {thing} isn't really what I'm missing.",
  "Thing is, {thing} doesn't touch my actual problem.",
  '^{Thing} does not address my real problem, though.',
  '~But {thing}? Not really my problem.',
];
export const REAL_PROBLEM = [
  'My real problem is this: {x}.',
  'What I actually need help with: {x}.',
  '^What I actually need help with is this: {x}.',
];

/** A price the persona balks at. */
export const PRICE_WORRY = [
  '{Price} on top of everything else adds up.',
  "{Price} isn't nothing when it's one more subscription.",
  '^{Price} is another recurring cost I would have to justify.',
  '~{Price}? That adds up fast.',
];
/** A price that is not the issue. */
export const PRICE_FINE = [
  '{Price} is fine if it actually saves me time.',
  "{Price} isn't the issue; whether I'd use it is.",
  '^{Price} is not the issue; the return is.',
  "~{Price} is fine, honestly, if it's good.",
];
/** The price echoed back before a price answer. */
export const PRICE_ECHO = ['{Price}?', '{Price}, hmm.', '^{Price}.', '~{Price}? Okay.'];

/** "Why not?": the reason given last time, said again as the reason. */
export const BECAUSE_CLAUSE = ['Mostly because {x}.', 'Because {x}, honestly.', '^Chiefly because {x}.', '~Because {x}, basically.'];
export const BECAUSE_PHRASE = ['It comes down to {x}.', 'Mostly {x}.', '^It comes down to {x}.', '~Honestly? {X}.'];
export const BECAUSE_ANY = [
  'The reason is simple: {x}.',
  'Mainly this: {x}.',
  '^The principal reason is this: {x}.',
  '~Honestly? This: {x}.',
];
export const BECAUSE_ACTION = ['Because I need to {x} first.', 'Because what I want is to {x}.', '^Because my priority is to {x}.'];
export const AND_ALSO = ['And on top of that: {x}.', 'Plus, {x}.', '^In addition, {x}.', '~Also, {x}.'];

/** "What would change your mind?" */
export const PROOF_LEADS = ['What would move me? {X}.', 'Proof, mostly. {X}.', '^Evidence, above all. {X}.', '~Honestly? Proof. {X}.'];
export const PROOF_GENERIC = [
  'A free trial with my own stuff in it, and someone like me who already uses it.',
  '^A pilot on my own data, and a reference I can call.',
  '~Let me try it free first, and show me someone like me actually using it.',
  'Let me try it properly first, and show me it works for someone in my shoes.',
];
export const IF_IT_HELPED_PHRASE = [
  "If it really helped with {x}, I'd listen.",
  '^If it demonstrably helped with {x}, I would reconsider.',
  "~If it actually helped with {x}, I'm in.",
];
export const IF_IT_HELPED_ACTION = [
  "If it helped me {x}, I'd listen.",
  '^If it helped me {x}, I would reconsider.',
  "~If it helped me {x}, I'm in.",
];
export const IF_IT_HELPED_ANY = [
  "Show me it helps with this and I'd listen: {x}.",
  '^Show me it helps with this and I would reconsider: {x}.',
];
export const ANSWER_OBJECTION = [
  "And I'd need a real answer on this: {x}.",
  '^I would also need a satisfactory answer on this: {x}.',
  '~And sort this out: {x}.',
];
