import { ageOf, allText, asList, bigFive } from './facts.js';
import type { ChatProfile, PersonaData } from './schema.js';
import { chatProfileOverrides } from './profile-overrides.js';

// persona -> chat profile: how this person talks. A pure, deterministic mapping from the Big Five,
// demographics and stated preferences (documented in the README, "How a persona talks"):
//   extraversion      -> longer, warmer, more expressive replies, more questions back, emoji
//   conscientiousness -> structured answers, more formal, lower sampling temperature
//   agreeableness     -> warmth; low agreeableness -> directness, pushback, scepticism
//   neuroticism       -> emotional expressiveness
//   openness          -> humour, longer sentences, higher temperature, less scepticism
// Age, occupation, education and `communicationPreferences` shift formality, vocabulary and
// emoji use. Keys in the file's `chatProfile` override the result.

const clamp = (v: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, v));
const round2 = (v: number) => Math.round(v * 100) / 100;

const FORMAL_JOBS =
  /\b(cfo|ceo|coo|cto|chief|director|executive|lawyer|attorney|counsel|physician|doctor|professor|banker|partner|officer|manager|accountant|controller)\b/;
const CASUAL_JOBS = /\b(creator|influencer|student|artist|musician|barista|streamer|designer|bartender|skater)\b/;
const TECHNICAL_JOBS = /\b(engineer|developer|scientist|cto|architect|analyst|physician|researcher|nurse|pharmacist|data)\b/;
const ADVANCED_EDUCATION = /\b(phd|doctorate|master|mba|md|msc|m\.sc)\b/;

export const OUTPUT_TOKENS: Record<ChatProfile['verbosity'], number> = {
  terse: 150,
  brief: 300,
  moderate: 500,
  expansive: 700,
};

export function buildChatProfile(data: PersonaData): ChatProfile {
  const t = bigFive(data);
  const age = ageOf(data);
  const job = `${data.baseSelection?.occupation ?? ''} ${data.baseSelection?.industry ?? ''}`.toLowerCase();
  const education = (data.baseSelection?.education ?? '').toLowerCase();
  const prefs = asList(data.psychographics?.communicationPreferences).join(' ').toLowerCase();
  const interests = asList(data.psychographics?.interests);
  const prefers = (re: RegExp) => re.test(prefs);

  let formality = 0.45 + 0.3 * (t.conscientiousness - 0.5) - 0.15 * (t.extraversion - 0.5);
  if (age !== undefined) formality += age >= 55 ? 0.12 : age < 25 ? -0.15 : 0;
  if (FORMAL_JOBS.test(job)) formality += 0.15;
  if (CASUAL_JOBS.test(job)) formality -= 0.12;
  if (prefers(/\bformal|professional|polite/)) formality += 0.15;
  if (prefers(/\bcasual|informal|relaxed|slang/)) formality -= 0.15;
  formality = clamp(formality);

  // Extraversion drives how much a person says; a stated wish for brevity or detail shifts it.
  let talkative = 0.5 + 0.9 * (t.extraversion - 0.5) + 0.15 * (t.openness - 0.5);
  if (prefers(/\b(brief|short|concise|to the point|bottom line|no waffle|no fluff)/)) talkative -= 0.12;
  if (
    prefers(
      /\b(in detail|detailed (answers|explanations|conversations?)|thorough|in-depth|long (talks?|calls?|conversations?)|stories|storytelling)/,
    )
  )
    talkative += 0.1;
  talkative = clamp(talkative);
  const verbosity: ChatProfile['verbosity'] =
    talkative < 0.3 ? 'terse' : talkative < 0.48 ? 'brief' : talkative < 0.75 ? 'moderate' : 'expansive';

  const warmth = clamp(0.15 + 0.55 * t.agreeableness + 0.25 * t.extraversion - 0.1 * (t.neuroticism - 0.5));
  let humor = 0.1 + 0.35 * t.extraversion + 0.3 * t.openness - 0.15 * t.neuroticism;
  if (/\b(comedy|memes?|humou?r|jokes?|stand-up|improv)\b/.test(allText(interests))) humor += 0.15;
  humor = clamp(humor);
  const expressiveness = clamp(0.1 + 0.45 * t.extraversion + 0.4 * t.neuroticism);

  let directness = 0.5 + 0.5 * (0.5 - t.agreeableness) + 0.2 * (t.conscientiousness - 0.5) + 0.1 * (t.extraversion - 0.5);
  if (
    prefers(
      /\b(direct|blunt|straight|no fluff|no-nonsense|bottom line|up front|upfront|no asterisks|in the first (line|sentence|paragraph))/,
    )
  )
    directness += 0.25;
  if (prefers(/\b(indirect|diplomatic|tactful|gentle|polite)/)) directness -= 0.15;
  directness = clamp(directness);

  const objections = asList(data.generatedInsights?.objections).length;
  let skepticism = 0.45 + 0.5 * (0.5 - t.agreeableness) + 0.2 * (t.conscientiousness - 0.5) - 0.25 * (t.openness - 0.5);
  skepticism += Math.min(0.15, objections * 0.03);
  if (/\b(finance|financial|cfo|controller|accountant|engineer|scientist|audit|procurement)\b/.test(job)) skepticism += 0.1;
  skepticism = clamp(skepticism);

  let structure = 0.2 + 0.6 * t.conscientiousness;
  if (prefers(/\b(bullet|list|structured|numbers|data|agenda|steps)/)) structure += 0.15;
  structure = clamp(structure);

  let emojiUse: ChatProfile['emojiUse'] = 'none';
  if (prefers(/\bemoji/) && !prefers(/\bno emoji/)) emojiUse = 'frequent';
  else if ((age ?? 40) < 30 && t.extraversion >= 0.6) emojiUse = 'frequent';
  else if ((age ?? 40) < 45 && t.extraversion >= 0.5 && formality < 0.55) emojiUse = 'rare';
  if (formality >= 0.7 && emojiUse === 'frequent') emojiUse = 'rare';

  // What the file says about words beats what a job or a degree suggests: "plain language" from
  // someone with a Master's means plain language. A degree alone makes vocabulary professional,
  // never technical; technical words come with a technical job.
  let vocabulary: ChatProfile['vocabulary'] = 'everyday';
  if (TECHNICAL_JOBS.test(job)) vocabulary = 'technical';
  else if ((age !== undefined && age < 22) || formality < 0.3) vocabulary = CASUAL_JOBS.test(job) || formality < 0.3 ? 'everyday' : 'plain';
  else if (
    FORMAL_JOBS.test(job) ||
    ADVANCED_EDUCATION.test(education) ||
    /\b(bachelor|b\.?a|b\.?sc|b\.?tech|degree|university)\b/.test(education)
  )
    vocabulary = 'professional';
  if (prefers(/\b(technical|jargon is fine|engineering detail)/)) vocabulary = 'technical';
  if (prefers(/\b(plain (language|english|words|speech)|simple (words|language)|no jargon|jargon-free|without jargon|layman)/))
    vocabulary = 'plain';

  const sentenceScore =
    0.5 + 0.3 * (t.openness - 0.5) + 0.3 * (formality - 0.5) - 0.3 * (t.extraversion - 0.5) - (verbosity === 'terse' ? 0.2 : 0);
  const sentenceLength: ChatProfile['sentenceLength'] = sentenceScore < 0.4 ? 'short' : sentenceScore > 0.62 ? 'long' : 'medium';

  const questionRate = clamp(0.1 + 0.35 * t.extraversion + 0.2 * t.openness - 0.15 * (directness - 0.5));

  let temperature = 0.8 + 0.2 * (t.openness - 0.5) - 0.2 * (t.conscientiousness - 0.5);
  temperature = clamp(temperature, 0.5, 1.0);

  const derived: ChatProfile = {
    formality: round2(formality),
    verbosity,
    maxOutputTokens: OUTPUT_TOKENS[verbosity],
    warmth: round2(warmth),
    humor: round2(humor),
    expressiveness: round2(expressiveness),
    directness: round2(directness),
    skepticism: round2(skepticism),
    structure: round2(structure),
    emojiUse,
    vocabulary,
    sentenceLength,
    questionRate: round2(questionRate),
    passions: interests.slice(0, 6),
    avoids: avoidedTopics(data),
    signaturePhrases: signaturePhrases(data),
    temperature: round2(temperature),
  };
  const overrides = chatProfileOverrides(data);
  const profile = { ...derived, ...overrides } as ChatProfile;
  // A verbosity override without a token override keeps the two consistent.
  if (overrides.verbosity && overrides.maxOutputTokens === undefined) profile.maxOutputTokens = OUTPUT_TOKENS[profile.verbosity];
  return profile;
}

/** Topics a person steers away from: stated dislikes in attitudes, and what their values guard. */
function avoidedTopics(data: PersonaData): string[] {
  const out: string[] = [];
  for (const attitude of asList(data.psychographics?.attitudes)) {
    const m = /\b(?:avoids?|dislikes?|hates?|distrusts?|wary of|tired of|sick of|can't stand)\s+(.+)$/i.exec(attitude);
    if (m) out.push(m[1]!.replace(/[.!]+$/, '').trim());
  }
  const values = allText(data.psychographics?.values);
  if (/\bprivacy\b/.test(values)) out.push('sharing personal details');
  return [...new Set(out)].slice(0, 5);
}

/** The persona's own quote, when it is short enough to be a habit of speech. */
function signaturePhrases(data: PersonaData): string[] {
  const quote = data.customInputs?.quote?.trim().replace(/^["“']|["”']$/g, '');
  if (!quote) return [];
  const first = quote.split(/(?<=[.!?])\s+/)[0] ?? quote;
  return first.length <= 90 ? [first] : [];
}

/** Words for a 0-1 scale, for prompts and `personas prompt`. */
export function describeLevel(value: number, words: [string, string, string, string, string]): string {
  return words[Math.min(4, Math.floor(value * 5))]!;
}
