import type { ChatTurn } from '../../core/messages.js';
import { estimateTokens } from '../../persona/prompt.js';
import { readSummaryMessage } from '../../core/carried-summary.js';
import { clip, isLeadIn, replySentences } from './summary-sentences.js';

// The summary a continued session starts from. Live models write it (SUMMARY_INSTRUCTION); the
// offline engine, and any model that fails to, get an extractive one: each question, and the first
// substantive sentence or two of the answer to it, newest kept when it must be cut, so the same
// history always gives the same summary.

export const SUMMARY_MAX_TOKENS = 600;

export const SUMMARY_INSTRUCTION =
  'Summarize our conversation so far in at most 200 words, as notes for continuing it later: ' +
  'what I asked, what you answered, your opinions, objections and any numbers or decisions. ' +
  'Write plain sentences, no preamble.';

/** A question, or a reply's gist, is at most this long: enough for a point, short enough for many turns. */
const QUESTION_CHARS = 160;
const GIST_CHARS = 220;
/** A first sentence this short ("Not as it stands.") says little without the one after it. */
const SHORT_SENTENCE = 60;

const ended = (sentence: string): string => (/[.!?…:;]["”’)]?$/.test(sentence) ? sentence : `${sentence}.`);

/** The first substantive sentence of a reply, and the next one when the first is short. */
function gist(text: string): string {
  const sentences = replySentences(text);
  const substantive = sentences.filter((s) => !isLeadIn(s));
  const chosen = (substantive.length > 0 ? substantive : sentences).slice(0, 2).map(ended);
  if (chosen.length === 0) return '';
  const [first, second] = chosen;
  const both = second !== undefined && first!.length < SHORT_SENTENCE && first!.length + second.length < GIST_CHARS;
  return clip(both ? `${first} ${second}` : first!, GIST_CHARS);
}

function question(text: string): string {
  if (readSummaryMessage(text)) return '(continued from an earlier session)';
  const sentences = replySentences(text).filter((s) => !isLeadIn(s));
  // "I run a bakery. Would you pay $40?": the question mark shows what was asked.
  const asked = sentences.find((s) => /\?["”’)]?$/.test(s)) ?? sentences[0] ?? text.replace(/\s+/g, ' ').trim();
  return clip(asked, QUESTION_CHARS);
}

/** Words that carry meaning, to tell whether a second reply adds anything to the first. */
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}$%]{4,}/gu) ?? []);
}

interface Exchange {
  /** How many stored messages this exchange covers. */
  messages: number;
  lines: string[];
}

/** One question and everything the persona said to it; a second reply only where it adds something. */
function exchanges(turns: readonly ChatTurn[], personaName: string): Exchange[] {
  const out: Exchange[] = [];
  let current: (Exchange & { said: string[]; heard: Set<string> }) | undefined;
  const close = (): void => {
    if (!current) return;
    if (current.said.length > 0) current.lines.push(`  ${personaName} said: ${clip(current.said.join(' '), GIST_CHARS * 2)}`);
    out.push({ messages: current.messages, lines: current.lines });
    current = undefined;
  };
  for (const turn of turns) {
    if (turn.role === 'user') {
      close();
      current = { messages: 1, lines: [`- You asked: ${question(turn.content)}`], said: [], heard: new Set() };
      continue;
    }
    // A reply with no question before it (the session opened with the persona) still counts as said.
    current ??= { messages: 0, lines: [], said: [], heard: new Set() };
    current.messages += 1;
    const said = gist(turn.content);
    const fresh = [...words(said)].filter((w) => !current!.heard.has(w));
    // "/retry" and repeated answers often say the same thing again: only news earns a place.
    if (said !== '' && (current.said.length === 0 || fresh.length >= 3)) {
      current.said.push(said);
      for (const w of words(said)) current.heard.add(w);
    }
  }
  close();
  return out;
}

function leftOut(total: number, dropped: number): string {
  return dropped === 1 ? `(${total} messages; the earliest one is left out)` : `(${total} messages; the earliest ${dropped} are left out)`;
}

export function extractiveSummary(turns: readonly ChatTurn[], personaName: string, maxTokens = SUMMARY_MAX_TOKENS): string {
  const all = exchanges(turns, personaName);
  // The note on what was left out is itself part of the budget.
  const budget = maxTokens - estimateTokens(leftOut(turns.length, turns.length)) - 1;
  const kept: Exchange[] = [];
  let tokens = 0;
  for (let i = all.length - 1; i >= 0; i--) {
    const cost = all[i]!.lines.reduce((sum, line) => sum + estimateTokens(line) + 1, 0);
    if (tokens + cost > budget) break;
    kept.unshift(all[i]!);
    tokens += cost;
  }
  const dropped = turns.length - kept.reduce((sum, e) => sum + e.messages, 0);
  const lines = kept.flatMap((e) => e.lines);
  return [...(dropped > 0 ? [leftOut(turns.length, dropped)] : []), ...lines].join('\n');
}
