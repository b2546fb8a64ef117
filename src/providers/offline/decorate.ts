import type { Identity } from './facts.js';
import type { Intent } from './intents.js';
import { INTENT_EMOJI } from './lines.js';
import type { Random } from './random.js';
import type { Style } from './style.js';
import { stripEmoji } from './text.js';

// The last touches that make the same words sound like this particular person: list layout for
// people who think in points, punctuation for how expressive they are, emoji as often as they use
// them, and a length cap from the profile's token limit.

/** Numbered points, one per line, for personas with a high `structure`. */
export function numberedPoints(points: readonly string[]): string {
  return points.map((p, i) => `${i + 1}. ${p}`).join('\n');
}

/** Flat personas never exclaim; very expressive ones exclaim where a short sentence allows it. */
export function applyExpressiveness(text: string, style: Style, rng: Random): string {
  if (style.expressiveness < 0.3) return text.replace(/!/g, '.');
  if (style.expressiveness < 0.75 || text.includes('!') || !rng.chance(style.expressiveness)) return text;
  // The first short sentence ending in a full stop becomes an exclamation.
  return text.replace(/(^|[.!?]\s+)([^.!?\n]{2,40})\.(?=\s|$)/, '$1$2!');
}

export function applyEmoji(
  text: string,
  style: Style,
  intent: Intent,
  identity: Identity,
  rng: Random,
  mood: readonly string[] = [],
): string {
  if (style.emojiUse === 'none') return stripEmoji(text);
  const pool = [...(INTENT_EMOJI[intent] ?? INTENT_EMOJI.any), ...mood];
  if (identity.emoji) pool.push(identity.emoji);
  const first = rng.pick(pool)!;
  if (style.emojiUse === 'rare') return rng.chance(0.3) ? `${text} ${first}` : text;
  // Frequent users also drop one mid-reply, after the first sentence of a prose answer; never the same one twice.
  const second = rng.pick(pool.filter((e) => e !== first));
  let out = text;
  if (second && !text.includes('\n') && rng.chance(0.6)) out = out.replace(/([.!?])(\s+)(?=\S)/, `$1 ${second}$2`);
  return `${out} ${first}`;
}

/** Keeps whole sentences up to ~4 characters per allowed output token; never cuts below the first. */
export function capLength(text: string, maxOutputTokens: number): string {
  const limit = maxOutputTokens * 4;
  if (text.length <= limit) return text;
  const sentences = text.match(/[^.!?\n]+[.!?]*[\s]*|\n/g) ?? [text];
  let out = '';
  for (const sentence of sentences) {
    if (out !== '' && (out + sentence).trimEnd().length > limit) break;
    out += sentence;
  }
  return out.trimEnd();
}
