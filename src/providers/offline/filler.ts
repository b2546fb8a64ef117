import { hashString } from './random.js';

// Stock asides ("Coffee helps. A lot of coffee.") are the lines most likely to give a template
// away: in a focus group, two personas saying the same joke reads as one machine. Each persona
// gets its own few from every list, chosen by its id, so the same persona stays recognisable and
// two personas rarely share one.

/** The `keep` lines of `lines` that belong to this persona. */
export function linesFor(lines: readonly string[], personaKey: string, keep = 2): string[] {
  return [...lines].sort((a, b) => hashString(`${personaKey}\u0000${a}`) - hashString(`${personaKey}\u0000${b}`)).slice(0, keep);
}
