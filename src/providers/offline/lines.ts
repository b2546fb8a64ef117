import type { Intent } from './intents.js';

// Sentences that frame an answer rather than carry a fact: openers, questions back, pushback,
// asides. Same tag syntax as templates.ts (`~` casual only, `^` formal only). Slots: {name} the
// persona's name, {role} "a CFO in manufacturing", {topic} what the user asked about, {x} a fact
// or interest mid-sentence.

type IntentLines = Partial<Record<Intent, readonly string[]>>;

/** Friendly first sentences for warm personas. */
export const WARM_OPENERS: IntentLines & { any: readonly string[] } = {
  any: [
    'Oh, good question.',
    'Happy to get into that.',
    '~Ooh, okay!',
    '~Love this question!',
    '^That is a fair question.',
    '^Thank you for asking.',
  ],
  price: ['~Okay, money talk!', 'Ah, the money question.', '^Cost is always a fair thing to raise.'],
  complaint: ['Oh, where do I start.', "~Don't get me started!", '^There are a few issues worth naming.'],
  goals: ['Good question, I think about this a lot.', '~Oh, I love talking about this!', '^I have given this real thought.'],
  decision: ["Good question, I'm pretty deliberate about this.", '^I take these decisions seriously.'],
  introduction: ['Sure, happy to!', '~Oh hi, okay!', '^Certainly.'],
  life: ['Ha, where to begin.', '~Honestly? Busy!', '^Gladly.'],
};

/** How blunt, less warm people start: short, no pleasantries. */
/** Whole sentences: "To be plain about it." standing alone is a fragment. */
export const BLUNT_OPENERS: readonly string[] = [
  "I'll be direct.",
  "Here's the short version.",
  '^I will be direct.',
  '^I will put it plainly.',
  "~Okay, I'll be real with you.",
];

export const HOW_ARE_YOU = [
  'Doing well, thanks for asking.',
  'Busy, but good.',
  '~Pretty good, honestly!',
  '~Not bad at all!',
  '^I am well, thank you.',
  "~Can't complain, mostly.",
];

export const GREETINGS = [
  'Hi, I am {name}.',
  "Hello! I'm {name}, {role}.",
  '~Hey! {name} here.',
  '~Hiya, I am {name}, {role}.',
  '^Good to meet you. I am {name}, {role}.',
  "Hi there, I'm {name}.",
];
export const GREETING_INVITES = [
  'What would you like to know?',
  'What can I tell you?',
  '~What is up?',
  '^How can I help?',
  'What brings you here?',
];
/** A short hello when the greeting rides along with a real question. */
export const PASSING_HELLO = ['Hi!', 'Hello!', '~Hey!', '^Hello.'];

export const THANKS_REPLIES = [
  "You're welcome!",
  'Happy to help.',
  '~Anytime!',
  '~No worries at all!',
  '^You are most welcome.',
  'Glad it was useful.',
];
export const GOODBYES = [
  'Take care!',
  'Talk soon.',
  '~Later!',
  '~Catch you later!',
  '^Goodbye, and thank you for your time.',
  'Good talking with you.',
];

export const UNKNOWN_TOPIC = [
  "I don't know much about {topic}, honestly.",
  "{Topic}? That's outside my world, to be honest.",
  '^I am afraid I know very little about {topic}.',
  '~No idea about {topic}, honestly.',
];
export const UNKNOWN_VAGUE = [
  "Honestly, I don't know much about that.",
  "That's a bit outside my world.",
  '^I am afraid that is not something I know much about.',
  '~Hmm, no clue, honestly.',
  "I'm not the right person to ask about that.",
];
/** Instead of "I don't know about that" when the question could not be read at all (another language). */
export const ASK_IN_ENGLISH = [
  "Sorry, I didn't quite follow that. Could you ask me in English?",
  "I'm not sure I understood the question. Could you put it in English?",
  '^I am afraid I did not follow the question. Would you mind asking it in English?',
  '~Sorry, you lost me there. Try me in English?',
];
export const NO_VIEW = [
  "I don't have a strong view on {topic}.",
  '^I have no firm opinion on {topic}.',
  "~{Topic}? Haven't really thought about it.",
];
export const STEER = [
  'What I do think about a lot is {x}.',
  'If you want my take on something, ask me about {x}.',
  '^What I can speak to is {x}.',
  '~Now, {x}, that I could talk about all day.',
];

export const YES = ['Yes.', 'Yes, pretty much.', '~Yeah, totally.', '~Oh, for sure.', '^Yes, I would say so.', 'I think so, yes.'];
export const DEPENDS = ['It depends.', 'Hard to say, it depends.', '^That depends.', '~Eh, kind of depends.', 'Maybe, honestly.'];

export const FOLLOWUP_LEADS = [
  'Put it this way.',
  "Here's the thing.",
  '^Allow me to be more specific.',
  '~Okay, look at it this way.',
  'Let me put it differently.',
  'Well, think about it.',
];

export const PUSHBACK: IntentLines & { any: readonly string[] } = {
  any: [
    'Prove it: show me someone like me who got results.',
    "I've heard a lot of promises; show me numbers.",
    '^I would need evidence, not claims.',
    "What's the catch?",
    "~Sounds nice, but I'll believe it when I see it.",
  ],
  price: [
    'Show me the numbers before you show me the features.',
    '^What is the payback period, and what does implementation really cost?',
    "What does it cost once you add everything they don't put on the pricing page?",
  ],
  pitch: [
    'Every vendor says that; what makes you different?',
    '^I would want a reference customer I can call.',
    'Who else like me is using it, and would they say the same?',
  ],
};

export const HUMOR = [
  'Ask my calendar, it has opinions.',
  'Not that I am bitter. Much.',
  '~Send help. And snacks.',
  '^I say that with only mild exaggeration.',
  'I say that with love, mostly.',
  'Coffee helps. A lot of coffee.',
  '~Anyway, that is my TED talk.',
  'Character building, they call it.',
  'I laugh so I do not cry.',
  '~Living the dream, clearly.',
  '^One learns to find it amusing.',
  'Ask me again after a holiday.',
  'Nobody warned me about that part.',
  '~Ten out of ten, would not recommend.',
  '^I remain, as ever, an optimist.',
  'It keeps life interesting, I suppose.',
];
export const HEDGES = [
  "But that's just me.",
  'I could be wrong, of course.',
  'Then again, it depends on the day.',
  '^Of course, that is only my perspective.',
  'Others might see it differently.',
  "That's how it looks from where I sit, anyway.",
  '^Others may reasonably disagree.',
  '~Could be just me, though.',
];

export const PASSION_LIGHTS_UP = [
  "Oh, now you're talking!",
  '~Okay, now I am excited!',
  '^That is a subject close to my heart.',
  'Ooh, you found my favourite topic.',
];
export const PASSION_LINE = [
  '{X} {is} something I could talk about all day.',
  "Honestly, {x} {is} what I'd happily spend hours on.",
  '^{X} {is} genuinely important to me.',
];
export const DEFLECTS = [
  "I'd rather not get into {x}, if that's okay.",
  '^I would prefer not to discuss {x}.',
  "~Eh, {x} isn't really something I want to get into.",
  "Let's leave {x} out of it, honestly.",
];

/** Lead-ins before numbered points, for people who think in lists. */
export const LIST_LEADS = [
  'A few things:',
  "Here's how I see it:",
  '^There are several considerations:',
  '^Let me set this out clearly:',
  '~Okay, so:',
];

export const QUESTIONS_BACK: IntentLines & { any: readonly string[] } = {
  any: [
    'What about you?',
    'Why do you ask?',
    "What's your take?",
    '^May I ask what prompted the question?',
    '~Wait, why, what are you working on?',
  ],
  price: [
    'What are you thinking it would cost?',
    'How do you price it?',
    '^What pricing model did you have in mind?',
    'Is there a free trial?',
  ],
  pitch: ['Who is it actually for?', 'How long does it take to set up?', '^What would implementation involve?', 'What does it replace?'],
  complaint: [
    'Have you seen anyone actually solve that?',
    'Does that sound familiar?',
    '^Is that consistent with what you hear from others?',
  ],
  values: ['What matters most to you?', '^Does that align with what you are building?'],
  goals: ['What are you working toward?', 'Does that line up with what you expected?'],
  decision: ['What would you need from me to move forward?', 'How do other people you talk to decide?'],
  channels: ['Where do you usually reach people like me?', 'Does that help?'],
  greeting: ['How about you?', "How's your day going?"],
  introduction: ['And you, what do you do?', 'What would you like to know?'],
  life: ['How about you?', 'What does your week look like?'],
  opinion: ['What made you ask?', 'Do you see it differently?'],
};

export const INTENT_EMOJI: Partial<Record<Intent, readonly string[]>> & { any: readonly string[] } = {
  any: ['😊', '✨', '🙌', '💯'],
  greeting: ['👋', '😊'],
  introduction: ['👋', '😊'],
  price: ['💸', '🤔'],
  complaint: ['😩', '😤', '🙃'],
  goals: ['🎯', '✨', '🚀'],
  decision: ['🧐', '🤔'],
  channels: ['📱', '📬'],
  pitch: ['👀', '🤔'],
  opinion: ['🤔', '💭'],
  thanks: ['🙏', '😊'],
  goodbye: ['👋', '✌️'],
  life: ['☕', '😅'],
};
export const HUMOR_EMOJI = ['😂', '😅'];
export const PASSION_EMOJI = ['🔥', '😍'];

/** When the persona file says nothing that fits, a plausible everyday answer per intent. */
export const GENERIC: Partial<Record<Intent, readonly string[]>> = {
  price: [
    'Price matters, but what I really care about is whether it pays for itself.',
    "If it saves me time, I'll pay for it. If not, no price is low enough.",
    '^The price must be justified by a clear return.',
    '~Depends, honestly. Cheap is nice, worth it is better.',
  ],
  pitch: [
    "It could be interesting, but I'd need to see it working.",
    '^I would need to understand what problem it solves for me.',
    '~Okay, could be cool, but show me.',
  ],
  complaint: [
    'Honestly, the usual: too much to do and not enough time.',
    '^Mostly the ordinary pressures of time and competing priorities.',
    '~Ugh, just, everything takes longer than it should.',
  ],
  goals: [
    'Honestly, to keep things running smoothly and grow a little every year.',
    '^To make steady progress without unnecessary risk.',
    '~Just trying to level up, honestly.',
  ],
  decision: [
    'I take my time, read reviews and ask people I trust.',
    '^I compare the options carefully and consult people whose judgement I trust.',
    '~I ask friends, check reviews, then overthink it.',
  ],
  channels: [
    'Honestly, word of mouth and whatever people I trust recommend.',
    '^Primarily through trusted colleagues and established publications.',
    '~Mostly my feed and group chats, honestly.',
  ],
  life: [
    "Busy, like everyone's, and I try to keep some time for myself.",
    '^Full, and I try to keep it well organised.',
    '~Chaotic, but in a fun way.',
  ],
  thanks: ['Good luck with it.', 'Hope it goes well.', '^I wish you every success with it.', '~Go get it!'],
  values: ['Honesty, mostly, and people who do what they say.', '^Integrity and reliability, above all.', '~Being real, honestly.'],
  introduction: [
    'Not much of a story, honestly. Ask me anything.',
    '^There is not a great deal to tell, but ask me anything.',
    '~Honestly, pretty normal! Ask away.',
  ],
  goodbye: ['It was nice chatting.', '^It was a pleasure speaking with you.', '~This was fun!'],
};

export const JOB_LINES = ['I work as {role}.', "By day I'm {role}.", '^I work as {role}.', '~I am {role}, so, yeah.'];
