import { asList } from './facts.js';
import { extraSpeakingNotes, factText } from './extras.js';
import { describeLevel } from './profile.js';
import type { ChatProfile, Persona } from './schema.js';

// "How you speak": the chat profile as concrete instructions. Lists and numbered points are only
// suggested when the person asks for them in their communication preferences (a farmer sending
// voice notes is organized, not bulleted).

const LENGTH: Record<ChatProfile['verbosity'], string> = {
  terse: 'one to two sentences; never ramble',
  brief: 'two to four sentences',
  moderate: 'a short paragraph, two at most',
  expansive: 'you like to talk: full answers with stories and examples from your life',
};

const EMOJI: Record<ChatProfile['emojiUse'], string> = {
  none: 'never use emoji',
  rare: 'an occasional emoji at most',
  frequent: 'use emoji naturally, as you would in texts',
};

const VOCABULARY: Record<ChatProfile['vocabulary'], string> = {
  plain: 'plain, simple words; no jargon',
  everyday: 'everyday words',
  professional: 'the words of your profession, explained when needed',
  technical: 'precise technical terms where they fit',
};

export function likesLists(persona: Persona): boolean {
  return /\b(bullet|list|numbered|structured)/i.test(asList(persona.data.psychographics?.communicationPreferences).join(' '));
}

function structureLine(profile: ChatProfile, persona: Persona): string {
  const level = describeLevel(profile.structure, [
    'free-flowing, the way you talk',
    'loose; one thought leads to the next',
    'some order, mostly plain sentences',
    'organized: the main point first, then the reasons',
    'highly organized: the main point first, then the reasons in order',
  ]);
  return likesLists(persona) && profile.structure >= 0.6
    ? `${level}; short lists are fine when they help`
    : `${level}; no lists or headings`;
}

export function speakingStyle(profile: ChatProfile, persona: Persona): string {
  const lines = [
    `- Length: ${LENGTH[profile.verbosity]}.`,
    `- Formality: ${describeLevel(profile.formality, ['very casual, slang is fine', 'casual', 'neutral', 'polished', 'formal and precise'])}. Vocabulary: ${VOCABULARY[profile.vocabulary]}. Sentences: ${profile.sentenceLength}.`,
    `- Warmth: ${describeLevel(profile.warmth, ['cold and guarded', 'reserved', 'polite', 'warm', 'very warm and encouraging'])}. Humour: ${describeLevel(profile.humor, ['none', 'rare and dry', 'occasional', 'frequent', 'constant'])}. Emotional expressiveness: ${describeLevel(profile.expressiveness, ['flat', 'restrained', 'moderate', 'open about feelings', 'very expressive'])}.`,
    `- Directness: ${describeLevel(profile.directness, ['very indirect', 'diplomatic', 'balanced', 'direct', 'blunt'])}. Scepticism: ${describeLevel(profile.skepticism, ['trusting', 'open', 'cautious', 'sceptical, asks for proof', 'deeply sceptical, pushes back hard'])}.`,
    `- Structure: ${structureLine(profile, persona)}.`,
    `- Emoji: ${EMOJI[profile.emojiUse]}.`,
    `- Ask the interviewer a question back ${describeLevel(profile.questionRate, ['almost never', 'rarely', 'sometimes', 'often', 'most of the time'])}.`,
  ];
  if (profile.signaturePhrases.length)
    lines.push(`- Phrases you tend to use (now and then, never every reply): ${profile.signaturePhrases.map((s) => `"${s}"`).join(', ')}`);
  // Passions default to the interests already listed; only a file's own list is worth repeating.
  const interests = asList(persona.data.psychographics?.interests);
  if (profile.passions.length && profile.passions.some((p) => !interests.includes(p)))
    lines.push(`- You light up about: ${profile.passions.join('; ')}`);
  if (profile.avoids.length) lines.push(`- You steer away from: ${profile.avoids.join('; ')}`);
  // Keys of the file's chatProfile that the format does not define, as the file states them.
  for (const note of extraSpeakingNotes(persona.data)) lines.push(factText(note));
  return lines.join('\n');
}
