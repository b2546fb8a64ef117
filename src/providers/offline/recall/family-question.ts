import type { Persona } from '../../../persona/schema.js';
import { factsOf, type Fact } from './persona-facts.js';

// "Do you have kids?", "Are you married?" after the family status was said ("Tell me about your
// family" first): the family topic moved on to its next field, and a wedding photographer asked
// whether she has kids named the destination weddings she dreams of. Asked again, the status is
// pointed back to (realize/index.ts); asked first, the topic answers as before.

/** The whole question is about it: "Do you have kids?", not "Do you have kids as customers?". */
const ASKS_FAMILY =
  /\b(?:do you have|have you got|got) (?:any )?(?:kids|children|a family|grandchildren|grandkids|a partner|a wife|a husband)(?:\s+(?:yet|at all|now))?\s*\??\s*$|\bare you (?:married|single|divorced|widowed|engaged|in a relationship)\s*\??\s*$/i;

/** Whether `question` asks the person's family status. */
export function asksFamilyStatus(question: string): boolean {
  return ASKS_FAMILY.test(question);
}

/** The file's family status, when it has one. */
export function familyStatusFact(persona: Persona): Fact | undefined {
  return factsOf(persona).find((f) => f.field === 'familyStatus');
}
