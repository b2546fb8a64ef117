// A cheap, dependency-free normaliser used on every message: lower-case words reduced to a crude
// stem. The intent cues are normalised by the same function, so "switching", "switched" and
// "switch" meet at one key without loading the NLP library; irregular forms the suffix rules
// cannot reach are listed. When the library is loaded its lemmas go through this function too.

const IRREGULAR: Record<string, string> = {
  went: 'go',
  gone: 'go',
  bought: 'buy',
  spent: 'spend',
  paid: 'pay',
  made: 'make',
  thought: 'think',
  did: 'do',
  does: 'do',
  done: 'do',
  was: 'be',
  were: 'be',
  is: 'be',
  are: 'be',
  am: 'be',
  been: 'be',
  has: 'have',
  had: 'have',
  told: 'tell',
  felt: 'feel',
  kept: 'keep',
  left: 'leave',
  lost: 'lose',
  got: 'get',
  chose: 'choose',
  chosen: 'choose',
  children: 'child',
  kids: 'kid',
  people: 'person',
  wives: 'wife',
  lives: 'life',
  heard: 'hear',
  said: 'say',
  saw: 'see',
  seen: 'see',
  taught: 'teach',
  brought: 'bring',
  fell: 'fall',
  // Past forms a file's story uses and a question asks in the present ("He drove for 31 years" / "How long did you drive?").
  drove: 'drive',
  driven: 'drive',
  wrote: 'write',
  written: 'write',
  rode: 'ride',
  ridden: 'ride',
  ran: 'run',
  began: 'begin',
  begun: 'begin',
  grew: 'grow',
  grown: 'grow',
  flew: 'fly',
  flown: 'fly',
  sold: 'sell',
  sent: 'send',
  built: 'build',
  met: 'meet',
  won: 'win',
  spoke: 'speak',
  spoken: 'speak',
  broke: 'break',
  broken: 'break',
  knew: 'know',
  known: 'know',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  forgot: 'forget',
  forgotten: 'forget',
  slept: 'sleep',
  meant: 'mean',
  understood: 'understand',
  stood: 'stand',
  found: 'find',
  held: 'hold',
  caught: 'catch',
  fought: 'fight',
  swam: 'swim',
  threw: 'throw',
  thrown: 'throw',
  wore: 'wear',
  worn: 'wear',
  came: 'come',
  became: 'become',
  lent: 'lend',
  dealt: 'deal',
  worse: 'bad',
  worst: 'bad',
  best: 'good',
  better: 'good',
  ai: 'ai',
  news: 'news',
};

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/'m\b/g, ' am'],
  [/\bwhat's\b/g, 'what is'],
  [/\bthat's\b/g, 'that is'],
  [/\bhow's\b/g, 'how is'],
  [/\bwho's\b/g, 'who is'],
  [/\bwhere's\b/g, 'where is'],
  [/\bit's\b/g, 'it is'],
];

/**
 * British spelling doubles a final l before -ed and -ing ("cancelled", "travelling") in a word of
 * two syllables or more; "spelled" and "yelled" keep theirs (nothing but consonants before "ell").
 */
function doubledL(s: string): string {
  // "reselling", "bestselling", "misspelled", "quelled": a one-syllable -ell word inside keeps both.
  return /[aeiou][^aeiou]*ell$/.test(s) && !/(?:s|t|sp|sm|sh|sw|dw|w|f|y|qu)ell$/.test(s) ? s.slice(0, -1) : s;
}

/** "Switching" -> "switch", "prices" -> "pric", "went" -> "go": consistent keys, not dictionary words. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) return irregular === w ? w : stem(irregular);
  if (w.length <= 3) return w;
  let s = w;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('ing') && s.length > 5) s = doubledL(s.slice(0, -3));
  else if (s.endsWith('ed') && s.length > 4) s = doubledL(s.slice(0, -2));
  else if (/(ss|us|is)$/.test(s)) {
    // "class", "bonus", "analysis": a final s that is not a plural stays.
  } else if (/(sh|ch|x|z)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s')) s = s.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(s) && !/(ll|ss|ff|zz)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  if (s.endsWith('y') && s.length > 3) s = `${s.slice(0, -1)}i`;
  return s;
}

/** Lower-cased words with contractions opened, apostrophes and punctuation dropped. */
export function words(text: string): string[] {
  let t = text.toLowerCase().replace(/[’‘]/g, "'");
  if (t.includes("'")) for (const [pattern, replacement] of CONTRACTIONS) t = t.replace(pattern, replacement);
  return t.match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu)?.map((w) => w.replace(/'s$/, '')) ?? [];
}

export function stems(text: string): string[] {
  return words(text)
    .flatMap((w) => w.split('-'))
    .map(stem);
}

/** Words that carry no topic: asked-about content is what is left. */
export const STOP = new Set(
  stems(
    `a an the and or but if so of to in on at by for with from about into over than then that this these those it its
     i me my mine we our us you your yours he him his she her they them their what which who whom whose when where why how
     do does did be is are was were am been being have has had will would shall should can could may might must
     not no yes very really just also too quite more most much many some any all each every there here as up out
     like think tell say know get go make thing something anything lot kind sort one ever even still well oh ok okay
     feel want let give see look way time right sure now today`,
  ),
);

/** Stems of the words that carry meaning (no stop words, no numbers). */
export function contentStems(text: string): string[] {
  return stems(text).filter((s) => !STOP.has(s) && !/^\d+$/.test(s) && s.length > 1);
}

/** What a speaker may put before a question ("So,", "And", "Okay:"), as regex source to start a pattern with. */
export const QUESTION_LEAD_IN = String.raw`^\W*(?:(?:so|and|but|ok|okay|right|well|also|quick question)\b[,:]?\s*)?`;
