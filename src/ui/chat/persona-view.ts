import { sanitizeInline } from '../../core/sanitize.js';
import { colorOf, emojiOf, oneLineSummary, roleLine } from '../../persona/facts.js';
import type { Persona } from '../../persona/schema.js';
import { COLOUR, PERSONA_DEFAULT_COLOUR } from '../theme.js';

/** A persona as the UI shows it: every field sanitized once, here. */
export interface PersonaView {
  id: string;
  name: string;
  emoji: string;
  /** Undefined with NO_COLOR. */
  color: string | undefined;
  role: string;
  summary: string;
}

// Only colour names chalk really has: Ink looks any name up on chalk, and a persona file must not
// be able to name one of chalk's other properties.
const NAMED = new Set([
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'gray',
  'grey',
  'redBright',
  'greenBright',
  'yellowBright',
  'blueBright',
  'magentaBright',
  'cyanBright',
  'whiteBright',
]);

export function personaView(persona: Persona): PersonaView {
  const color = colorOf(persona.data);
  return {
    id: persona.id,
    name: sanitizeInline(persona.name),
    emoji: sanitizeInline(emojiOf(persona.data) ?? '') || '●',
    color: COLOUR ? readableColor(color) : undefined,
    role: sanitizeInline(roleLine(persona.data)),
    summary: sanitizeInline(oneLineSummary(persona.data)),
  };
}

/**
 * The persona's colour, lightened when it is so dark it would vanish on a dark terminal (many
 * shipped personas use navy or slate, chosen for a white page).
 */
export function readableColor(color: string | undefined): string {
  if (!color) return PERSONA_DEFAULT_COLOUR;
  if (NAMED.has(color)) return color;
  const hex = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(color)?.[1];
  if (!hex) return PERSONA_DEFAULT_COLOUR;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const rgb = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  const luminance = (0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!) / 255;
  if (luminance >= 0.35) return `#${full}`;
  const lift = (value: number) =>
    Math.round(value + (255 - value) * 0.45)
      .toString(16)
      .padStart(2, '0');
  return `#${rgb.map(lift).join('')}`;
}
