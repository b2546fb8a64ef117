import type { PersonaView } from '../chat/persona-view.js';

/**
 * Personas matching what was typed: every word must appear in the id, name or summary. Matches
 * on the id or name come before matches found only in the summary; otherwise the order is kept.
 */
export function filterPersonas(personas: readonly PersonaView[], query: string): PersonaView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...personas];
  const scored: Array<{ persona: PersonaView; score: number; index: number }> = [];
  personas.forEach((persona, index) => {
    const id = persona.id.toLowerCase();
    const name = persona.name.toLowerCase();
    const all = `${id} ${name} ${persona.summary.toLowerCase()} ${persona.role.toLowerCase()}`;
    if (!words.every((w) => all.includes(w))) return;
    const first = words[0]!;
    const score = id.startsWith(first) || name.startsWith(first) ? 0 : id.includes(first) || name.includes(first) ? 1 : 2;
    scored.push({ persona, score, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((s) => s.persona);
}
