import type { ChatTurn } from '../../core/messages.js';
import { estimateTokens } from '../../persona/prompt.js';

// The summary a continued session starts from. Live models write it (SUMMARY_INSTRUCTION); the
// offline engine, and any model that fails to, get an extractive one: the first sentence of each
// question and answer, newest kept when it must be cut, so the same history always gives the same
// summary.

export const SUMMARY_MAX_TOKENS = 600;

export const SUMMARY_INSTRUCTION =
  'Summarize our conversation so far in at most 200 words, as notes for continuing it later: ' +
  'what I asked, what you answered, your opinions, objections and any numbers or decisions. ' +
  'Write plain sentences, no preamble.';

/** The opening of a continued session: it is stored as that session's first message, visible in transcripts. */
export function summaryMessage(summary: string, fromSessionId: string): string {
  return `Summary of our earlier conversation (session ${fromSessionId}), to continue from:\n${summary.trim()}`;
}

function firstSentence(text: string, maxChars = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  const sentence = end >= 0 ? flat.slice(0, end + 1) : flat;
  return sentence.length > maxChars ? `${sentence.slice(0, maxChars - 1)}…` : sentence;
}

export function extractiveSummary(turns: readonly ChatTurn[], personaName: string, maxTokens = SUMMARY_MAX_TOKENS): string {
  const lines = turns.map((t) => (t.role === 'user' ? `- You asked: ${firstSentence(t.content)}` : `  ${personaName} said: ${firstSentence(t.content)}`));
  const kept: string[] = [];
  let tokens = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const cost = estimateTokens(lines[i]!) + 1;
    if (tokens + cost > maxTokens) break;
    kept.unshift(lines[i]!);
    tokens += cost;
  }
  // A kept answer without its question reads as a non sequitur.
  while (kept[0]?.startsWith('  ')) kept.shift();
  const dropped = lines.length - kept.length;
  const head = dropped > 0 ? [`(${turns.length} messages; the earliest ${dropped} are left out)`] : [];
  return [...head, ...kept].join('\n');
}
