// What the user is asking for, from keyword patterns. A chat message often carries more than one
// cue ("Hi! What would you pay for this?"); the composer answers the main one and acknowledges a
// greeting in passing, so both are reported.

import { withoutCourtesy } from './courtesy.js';

export type Intent =
  | 'greeting'
  | 'introduction'
  | 'life'
  | 'routine'
  | 'persuade'
  | 'price'
  | 'pitch'
  | 'complaint'
  | 'goals'
  | 'values'
  | 'decision'
  | 'channels'
  | 'opinion'
  | 'yesno'
  | 'thanks'
  | 'goodbye'
  | 'followup'
  | 'topic';

export interface DetectedIntent {
  primary: Intent;
  /** The message also opened with a greeting. */
  greeted: boolean;
  /** "How are you?": the greeting wants an answer about how they are. */
  askedHowAreYou: boolean;
  /** What the user asked about, echoed in the persona's words ("my boss"), when it can be cut out cleanly. */
  topic?: string;
}

/** Ordered by priority: when two intents match equally often, the earlier one wins. */
const PATTERNS: ReadonlyArray<[Intent, RegExp]> = [
  [
    'introduction',
    /\b(tell me about yourself|about you(rself)?\b|who are you|introduce yourself|describe yourself|your name|your story|your background|who am i talking to)/g,
  ],
  [
    'routine',
    /\b((normal|typical|average|usual|ordinary|regular) (day|week|morning|shift)|day[- ]to[- ]day|daily (routine|life)|your (routine|mornings?|evenings?|days)|day look like|spend your days?)\b/g,
  ],
  [
    'persuade',
    /\b(change your mind|convince you|win you over|what would it take|persuade you|make you (switch|reconsider|say yes|change)|get you to (try|switch|buy|use|change|say yes)|would you reconsider)\b/g,
  ],
  [
    'price',
    /\b(price[sd]?|pricing|costs?|costly|expensive|cheap(er)?|budgets?|afford|pay(ing)?|money|roi|subscriptions?|fees?|worth it|how much|discounts?|invest(ment)?|dollars?|per month|a month|free tier|trial)\b|[$€£]\s?\d/g,
  ],
  [
    'complaint',
    /\b(frustrat\w*|annoy\w*|pain( points?)?|problems?|struggl\w*|challeng\w*|hard(est)? part|difficult\w*|worst|hate|complain\w*|bother\w*|headaches?|wrong with|stress\w*|keeps? you up|drives? you (mad|crazy|nuts))\b/g,
  ],
  [
    'goals',
    /\b(goals?|aim(ing)?|hope|hoping|achieve|ambitions?|dreams?|plans? (for|to)|next year|future|success|priorit\w*|motivat\w*|drives you|want most|looking forward)\b/g,
  ],
  [
    'values',
    /\b(what do you value|values?|matters? (most )?to you|care (most )?about|important to you|believe in|principles?|stand for)\b/g,
  ],
  [
    'decision',
    /\b(decid\w*|decisions?|choos\w*|buy(ing)?|purchas\w*|evaluat\w*|switch(ing)?|vendors?|shop(ping)?|sign up|approv\w*|trust|recommend\w*|compare|alternatives?)\b/g,
  ],
  [
    'channels',
    /\b(where do you (hear|learn|find|get|go)|channels?|social media|newsletters?|podcasts?|linkedin|instagram|tiktok|youtube|emails?|reach you|contact you|find out about|news|reviews|word of mouth|ads?|advertis\w*)\b/g,
  ],
  [
    'pitch',
    /\b(we('re| are) (building|making|launching)|we built|we made|our (product|app|tool|platform|service|solution|startup)|(new|this) (product|app|tool|feature|service)|features?|would you (use|try)|imagine|what if|demo|prototype|concept|an app that|a tool that|a platform that|launching)\b/g,
  ],
  [
    'opinion',
    /\b(what do you think|what's your (take|view|opinion)|what is your (take|view|opinion)|thoughts on|how do you feel about|feel about|think (of|about)|opinion (of|on)|view on|your take)\b/g,
  ],
  [
    'life',
    /\b(what do you do|your (job|work|role|day|week|life|routine|family|team|company|career|hobbies|weekend)|for a living|where do you (work|live)|how('s| is) work|spare time|free time|weekends?|hobbies|outside (of )?work)\b/g,
  ],
];

const GREETING = /^(hi+|hello|hey+|hiya|howdy|yo|good (morning|afternoon|evening)|greetings|sup|what'?s up|nice to meet you)\b/;
const HOW_ARE_YOU = /\b(how are you|how'?s it going|how are things|how have you been|how'?s your day|how you doing)\b/;
const THANKS = /\b(thanks|thank you|thx|ty|cheers|appreciate (it|that|you))\b/;
const GOODBYE =
  /\b(bye|goodbye|see you|see ya|talk (to you )?(later|soon)|take care|that'?s all|gotta go|have a (good|great|nice) (one|day|evening|weekend))\b/;
const FOLLOWUP =
  /^(why|how come|tell me more|go on|really|such as|like what|for example|for instance|what do you mean|explain|say more|interesting|elaborate|how so|and|more|hmm+|oh)\b/;
const YES_NO = /^(do|does|did|are|is|was|were|would|will|have|has|can|could|should|any)\b/;

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Said back by the persona, "you" and "I" trade places. */
const SWAP_PERSON: Record<string, string> = {
  yours: 'mine',
  your: 'my',
  yourself: 'myself',
  you: 'me',
  mine: 'yours',
  my: 'your',
  myself: 'yourself',
  me: 'you',
  "i'm": "you're",
  i: 'you',
};

/** "what do you think of your boss?" -> "my boss". */
export function echoTopic(text: string): string | undefined {
  // The user's own capitals are kept: "AI" and "Instagram" said back as "ai" and "instagram" look careless.
  // "about your pain points, thanks" quotes "my pain points", never "my pain points thanks".
  const trimmed = withoutCourtesy(text)
    .replace(/[\s?!.,;:]+$/g, '')
    .trim();
  const captured =
    trimmed.match(
      /\b(?:think (?:of|about)|feel about|thoughts on|opinion (?:of|on)|take on|view on|what about|how about|heard of|know about|familiar with)\s+(.+)$/i,
    )?.[1] ?? trimmed.match(/\babout\s+(.+)$/i)?.[1];
  if (!captured) return undefined;
  const words = captured
    .replace(/\b(yours|your|yourself|you|mine|my|myself|me|i'm|i)\b/gi, (w) => SWAP_PERSON[w.toLowerCase()] ?? w)
    .replace(/["“”'‘’]/g, (q) => (q === "'" ? q : ''))
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 6) return undefined;
  return (
    words
      .join(' ')
      .replace(/[^\p{L}\p{N}\s$€£%&+.-]/gu, '')
      .trim() || undefined
  );
}

export function detectIntent(userText: string): DetectedIntent {
  const said = userText.toLowerCase().replace(/[’]/g, "'").trim();
  // What is asked is read without "please" and "could you"; hellos and thanks from all that was said.
  const text = withoutCourtesy(said).toLowerCase();
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  const greeted = GREETING.test(said);
  const askedHowAreYou = HOW_ARE_YOU.test(said);
  const topic = echoTopic(userText);

  let best: Intent | undefined;
  let bestScore = 0;
  for (const [intent, pattern] of PATTERNS) {
    const score = countMatches(text, pattern);
    if (score > bestScore) {
      best = intent;
      bestScore = score;
    }
  }
  const result = (primary: Intent): DetectedIntent => ({ primary, greeted, askedHowAreYou, topic });
  if (best) return result(best);
  if (THANKS.test(said)) return result('thanks');
  if (GOODBYE.test(said)) return result('goodbye');
  if (greeted || askedHowAreYou) return result('greeting');
  if (FOLLOWUP.test(text) && wordCount <= 6) return result('followup');
  if (YES_NO.test(text)) return result('yesno');
  return result('topic');
}

/** Words in a persona fact that make it fit an intent, beyond sharing words with the question. */
export const FACT_CUES: Partial<Record<Intent, RegExp>> = {
  price:
    /\b(price|pricing|cost|costs|expensive|cheap|budget|afford|money|roi|pay|paying|subscription|fee|spend|value|invest|saving|savings|discount|licen[cs]e|contract|cash|margin|dollar|return)/i,
  complaint: /\b(waste|slow|manual|hours|too much|frustrat|stress|lack|no time|overwhelm|tedious|broken|confus|hard|difficult|burn)/i,
  goals: /\b(grow|goal|become|reach|build|launch|improve|increase|reduce|achieve|career|future|want)/i,
  decision: /\b(research|compare|review|peer|recommend|trial|demo|approv|trust|proof|case stud|references|evaluat|decid|buy)/i,
  channels:
    /\b(linkedin|instagram|tiktok|youtube|email|newsletter|podcast|conference|event|blog|forum|reddit|community|word of mouth|peer)/i,
  pitch: /\b(tool|app|software|platform|automat|integrat|easy|simple|feature|time)/i,
};
