import type { PersonaView } from '../chat/persona-view.js';

/**
 * Personas matching what was typed. Every typed word must start some word of the persona's id,
 * name, role (occupation · industry · location) or summary, ignoring case and accents, and allowing
 * a simple stem so that `finance` finds "Financial" and `nurse` finds "nursing". Personas whose id
 * or name match more of the typed words come first; otherwise the order is kept.
 */
export function filterPersonas(personas: readonly PersonaView[], query: string): PersonaView[] {
  const typed = searchWords(query).map(stem);
  if (typed.length === 0) return [...personas];
  const scored: Array<{ persona: PersonaView; score: number; index: number }> = [];
  personas.forEach((persona, index) => {
    const naming = searchWords(`${persona.id} ${persona.name}`);
    const everything = [...naming, ...searchWords(`${persona.role} ${persona.summary}`)];
    if (!typed.every((word) => startsAnyOf(word, everything))) return;
    const score = typed.filter((word) => startsAnyOf(word, naming)).length;
    scored.push({ persona, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.persona);
}

/** Lower-case words without accents: "Zoë O'Brien-Núñez" -> zoe, o, brien, nunez. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// Longest first, so "financial" loses "ial" rather than "l". A stem keeps at least four letters:
// shorter ones ("fin" from "finance") would match far too much.
const SUFFIXES = ['ations', 'ation', 'ings', 'ials', 'ally', 'ance', 'ence', 'ing', 'ial', 'ers', 'ies', 'al', 'er', 'es', 's', 'e', 'y'];
const SHORTEST_STEM = 4;

/** A typed word cut back to what its relatives share: finance/financial -> financ, nurse/nursing -> nurs. */
export function stem(word: string): string {
  const suffix = SUFFIXES.find((s) => word.endsWith(s) && word.length - s.length >= SHORTEST_STEM);
  return suffix ? word.slice(0, -suffix.length) : word;
}

function startsAnyOf(prefix: string, words: readonly string[]): boolean {
  return words.some((w) => w.startsWith(prefix));
}
