import type { ChatProfile } from '../schema.js';

// `mes_example` shows how the character writes. Besides going into the prompt as examples, its
// character lines set the measurable parts of the chat profile (length, sentence length, emoji),
// which the offline engine and the token budget follow.

export type ExampleStyle = Partial<Pick<ChatProfile, 'verbosity' | 'maxOutputTokens' | 'sentenceLength' | 'emojiUse'>>;

const TOKENS: Record<ChatProfile['verbosity'], number> = { terse: 150, brief: 300, moderate: 500, expansive: 700 };

/** The character's lines in an example dialogue: text after `{{char}}:` up to the next speaker. */
export function characterLines(examples: string): string[] {
  const lines: string[] = [];
  let current: string[] | undefined;
  for (const raw of examples.split('\n')) {
    const line = raw.trim();
    if (/^<start>$/i.test(line) || /^(\{\{user\}\}|<user>)\s*:/i.test(line)) {
      if (current) lines.push(current.join(' '));
      current = undefined;
      continue;
    }
    const speaker = /^(\{\{char\}\}|<bot>)\s*:\s*(.*)$/i.exec(line);
    if (speaker) {
      if (current) lines.push(current.join(' '));
      current = [speaker[2]!];
    } else if (current && line) current.push(line);
  }
  if (current) lines.push(current.join(' '));
  return lines.map((l) => l.trim()).filter(Boolean);
}

export function styleFromExamples(examples: string): ExampleStyle | undefined {
  const lines = characterLines(examples);
  if (lines.length === 0) return undefined;
  const words = lines.map((l) => l.split(/\s+/).filter(Boolean).length);
  const perReply = words.reduce((a, b) => a + b, 0) / lines.length;
  const sentences = lines.flatMap((l) => l.split(/(?<=[.!?…])\s+/).filter((s) => /\w/.test(s)));
  const perSentence = sentences.reduce((a, s) => a + s.split(/\s+/).length, 0) / Math.max(1, sentences.length);
  const emoji = lines.join(' ').match(/\p{Extended_Pictographic}/gu)?.length ?? 0;
  const verbosity: ChatProfile['verbosity'] = perReply < 15 ? 'terse' : perReply < 40 ? 'brief' : perReply < 90 ? 'moderate' : 'expansive';
  return {
    verbosity,
    maxOutputTokens: TOKENS[verbosity],
    sentenceLength: perSentence < 9 ? 'short' : perSentence > 20 ? 'long' : 'medium',
    emojiUse: emoji === 0 ? 'none' : emoji / lines.length >= 1 ? 'frequent' : 'rare',
  };
}
