import type { TopicIntent } from '../understand/intents.js';

// The few lines the engine says in its own words, by register. Each list is long enough that the
// no-repeat rule never runs dry in an interview; the persona's file supplies everything else.

export type Register = 'formal' | 'casual';

export const DONT_KNOW: Record<Register, readonly string[]> = {
  formal: [
    "I don't have a considered view on that, to be honest.",
    "That isn't something I have spent much time on.",
    "I couldn't give you a reliable answer there.",
    "I'd be guessing, and I'd rather not.",
    'Nothing I could speak to with any confidence.',
    "That's not an area where my opinion is worth much.",
  ],
  casual: [
    'Honestly? No idea.',
    "I haven't really thought about that, to be honest.",
    "Couldn't tell you, really.",
    "That's not something that comes up much for me.",
    "Hm, I'd just be guessing there.",
    'No strong feelings about that one, honestly.',
  ],
};

/** Before what would win the person over, asked about the interviewer's product (understand/their-product.ts). */
export const UNSEEN_PRODUCT: Record<Register, readonly string[]> = {
  formal: ["I haven't used it, so I can't vouch for it.", "I can't judge it without having used it."],
  casual: ["I haven't tried it, so I can't really say.", "Can't say, I haven't used it."],
};

/**
 * Before the topic's answer, asked whether they use a product their file never mentions
 * (recall/unmentioned-name.ts); {x} is the name as asked. Never a flat "no": the file is silent,
 * which is not a denial, and a wedding photographer may well be on Instagram. A line that starts
 * with the name is not used for one that starts in lower case with a capital inside ("iPad"):
 * the reply's capital would misspell it.
 */
export const NOT_USED: Record<Register, readonly string[]> = {
  formal: ["I can't say {x} is one I use.", '{x}? Not that I can think of.', "{x} isn't one I would name, I must say."],
  casual: ["Can't say {x} is one of mine.", '{x}? Not that I can think of.', "{x}? Wouldn't say it's one of mine."],
};

/** The same for a pastime ("Do you play golf?", "Do you ski?"): {x} is the thing as asked, singular or plural. */
export const NOT_MINE: Record<Register, readonly string[]> = {
  formal: ['{x}? Not that I can think of.', '{x}? Not really, no.', '{x}? Not as far as I know.', "{x}? I wouldn't say so."],
  casual: ['{x}? Not that I can think of.', '{x}? Nah, not really.', "{x}? Can't say I do.", '{x}? Not really my thing.'],
};

/** The same, asked whether they have heard of it. */
export const NOT_HEARD: Record<Register, readonly string[]> = {
  formal: ["{x}? I can't say I have.", "{x} doesn't ring a bell, I'm afraid.", "I can't say I've come across {x}."],
  casual: ["{x}? Can't say I have.", "{x}? Doesn't ring a bell.", "Can't say I've come across {x}."],
};

/** Asked what they charge their own customers when the file says no price: a quote, not a made-up figure. */
export const CHARGE_UNSAID: Record<Register, readonly string[]> = {
  formal: ['It depends on the job; I would have to quote it properly.', "Every job is priced on its own, so I'd want the details first."],
  casual: ["Depends on the job, honestly. I'd have to quote you.", "Depends what you need. Give me the details and I'll quote you."],
};

/** Asked what they earn when the file gives no income: a person may keep that to themselves; nothing is made up. */
export const INCOME_UNSAID: Record<Register, readonly string[]> = {
  formal: ["I'd rather not put a figure on my income, if you don't mind.", 'That I keep to myself, I am afraid.'],
  casual: ["I'd rather not say what I make, to be honest.", "Ha, that's between me and the tax office."],
};

export const PIVOT: Record<Register, readonly string[]> = {
  // Pivots name an interest, so none of them offers "help" with a hobby.
  formal: ['What I can tell you about is {x}.', 'On {x}, I could tell you plenty.', 'Ask me about {x} instead; that I know.'],
  casual: ["Ask me about {x} though, that's my world.", 'Now {x}, that I could talk about all day.', 'What I do know about is {x}.'],
};

export const WHY_LEADS: Record<Register, readonly string[]> = {
  formal: ['Experience, mostly.', 'Because of what I have seen.', 'The reason is simple.', 'It comes from experience.'],
  casual: ['Because of how things went before.', "It's simple, really.", "Mostly because I've been burned.", 'Experience, honestly.'],
};

export const EXAMPLE_LEADS: Record<Register, readonly string[]> = {
  formal: ['A concrete case:', 'For instance:', 'Take this one.'],
  casual: ['Okay, here is one.', 'Like this:', 'For example:'],
};

export const HAPPENED_LEADS: Record<Register, readonly string[]> = {
  formal: ['What happened was this.', 'Briefly:', 'The short version:'],
  casual: ['So here is what happened.', 'Long story short:', 'Okay, so:'],
};

export const NO_STORY: Record<Register, readonly string[]> = {
  formal: ['Nothing dramatic, if that is what you are after.', 'There is no single story behind it.'],
  casual: ['Nothing dramatic, honestly.', "There's no big story, it just adds up."],
};

export const REALLY_LEADS: Record<Register, readonly string[]> = {
  formal: ['Yes, really.', 'I mean it.', 'Quite sure.'],
  casual: ['Really, yeah.', 'Totally serious.', 'Yep, I mean it.'],
};

export const MORE_LEADS: Record<Register, readonly string[]> = {
  formal: ['There is more to it.', 'One more thing on that.', 'I would add this.'],
  casual: ["And there's this too.", 'One more thing.', "Here's the other side of it."],
};

export const COVERED: Record<Register, readonly string[]> = {
  formal: ['I think I have said what I know on that.', 'That is about all I can add there.', 'I have nothing new to add on that, frankly.'],
  casual: ["I think that's all I've got on that one.", "That's pretty much everything, honestly.", 'Not much more to say there, really.'],
};

export const OPENERS: Record<Register, readonly string[]> = {
  formal: ['Frankly,', 'To be candid,', 'Put simply,', 'In short,'],
  casual: ['Honestly,', 'Oh,', 'Well,', 'Truthfully,', 'Okay, so'],
};

export const GREETINGS: Record<Register, readonly string[]> = {
  formal: [
    "Hello, I'm {name}. What would you like to know?",
    "Good to meet you, I'm {name}. Go ahead.",
    'Hello. {name} here; where would you like to start?',
  ],
  casual: [
    "Hey! I'm {name}. What do you want to know?",
    'Hi, {name} here! Ask away.',
    "Hey, I'm {name}, good to meet you. What are we talking about?",
  ],
};

export const THANKS: Record<Register, readonly string[]> = {
  formal: ["You're welcome.", 'Glad it was useful.', 'Of course.'],
  casual: ['No problem!', 'Anytime.', 'Happy to help!'],
};

export const GOODBYES: Record<Register, readonly string[]> = {
  formal: ['Thank you for your time. Goodbye.', 'Good luck with the project.', 'All right. Take care.'],
  casual: ['Bye! This was fun.', 'Take care!', 'See you, good luck with it!'],
};

/** Questions back, by topic: asked rarely, never twice. */
export const QUESTIONS_BACK: Partial<Record<TopicIntent, readonly string[]>> = {
  price: ['What are you planning to charge?', 'What does it cost, roughly?'],
  switching: ['Is that what you are trying to get people to do?'],
  tools: ['Are you building something in that space?'],
  frustrations: ['Is that the problem you are working on?'],
  'free-trials': ['Would yours come with a trial?'],
  competitors: ['Who are you up against?'],
  'buy-triggers': ['Does yours do that?'],
  trust: ['Who else have you spoken to?'],
};
