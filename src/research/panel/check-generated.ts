import { formatPath } from '../../persona/validate.js';
import { personaSchema } from '../../persona/schema.js';

// A model's persona JSON, checked before it becomes a file: valid against the persona schema and
// carrying what a panel member needs to be interviewed. The problem text goes back to the model
// on the one retry, so it says exactly what to fix.

export type CheckedPersona = { ok: true; persona: Record<string, unknown>; name: string } | { ok: false; problem: string };

const MIN_DIALOGUE = 6;

export function checkGeneratedPersona(json: string): CheckedPersona {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'the reply is not valid JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problem: 'the reply must be one JSON object' };
  const result = personaSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, problem: `${formatPath(issue.path) || 'the object'}: ${issue.message}` };
  }
  const persona = value as Record<string, unknown>;
  const dialogue = result.data.exampleDialogue ?? [];
  if (dialogue.length < MIN_DIALOGUE)
    return { ok: false, problem: `exampleDialogue has ${dialogue.length} exchanges; write at least ${MIN_DIALOGUE}` };
  if (!dialogue.some((d) => d.intent === 'are-you-ai'))
    return { ok: false, problem: 'exampleDialogue needs an "are-you-ai" exchange answered truthfully (a simulated persona)' };
  if (!result.data.generatedInsights?.objections?.length) return { ok: false, problem: 'generatedInsights.objections is empty' };
  return { ok: true, persona, name: result.data.name.trim() };
}
