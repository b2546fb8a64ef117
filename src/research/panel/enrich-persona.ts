import { emptySections, valueAt, type Section } from '../../persona/enrich/empty-sections.js';
import { insertIntoJson, type Edit } from '../../persona/enrich/insert-json.js';
import { strictPersonaSchema } from '../../persona/generate/strict-schema.js';
import { personaSchema } from '../../persona/schema.js';
import { formatPath } from '../../persona/validate.js';
import type { ProviderError } from '../../core/errors.js';
import type { Usage } from '../../core/messages.js';
import type { StructuredProvider } from '../../providers/types.js';
import { ENRICH_SYSTEM, enrichPrompt } from './enrich-prompt.js';
import { retryPrompt } from './generation-prompt.js';

// Fills the empty sections of one persona file with a live model and returns the new text: the
// author's bytes untouched, the new sections inserted. Nothing is written here; the command shows
// the change and asks first.

export type EnrichOutcome =
  | { status: 'nothing-to-fill' }
  | { status: 'enriched'; text: string; edits: Edit[]; filled: Section[]; usage: Usage[] }
  | { status: 'invalid'; problem: string; raw: string; usage: Usage[] }
  | { status: 'error'; error: ProviderError };

export interface EnrichOptions {
  fileText: string;
  data: Record<string, unknown>;
  provider: StructuredProvider;
  model: string;
  signal?: AbortSignal;
}

export async function enrichPersona(options: EnrichOptions): Promise<EnrichOutcome> {
  const sections = emptySections(options.data);
  if (sections.length === 0) return { status: 'nothing-to-fill' };
  const schema = strictPersonaSchema({ only: sections.map((s) => s.path) });
  const messages: Array<{ role: 'user' | 'persona'; content: string }> = [
    { role: 'user', content: enrichPrompt(options.fileText, sections) },
  ];
  const usage: Usage[] = [];
  let problem = '';
  let raw = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await options.provider.structured({
      system: ENRICH_SYSTEM,
      messages,
      model: options.model,
      temperature: 0.7,
      maxOutputTokens: 6000,
      ...(options.signal ? { signal: options.signal } : {}),
      schemaName: 'persona_sections',
      description: 'the empty sections of a persona file, filled',
      schema,
    });
    if (!result.ok) return { status: 'error', error: result.error };
    if (result.usage) usage.push(result.usage);
    raw = result.json;
    const checked = checkFill(options.fileText, result.json, sections);
    if (checked.ok) return { status: 'enriched', text: checked.text, edits: checked.edits, filled: sections, usage };
    problem = checked.problem;
    messages.push({ role: 'persona', content: result.json }, { role: 'user', content: retryPrompt(problem) });
  }
  return { status: 'invalid', problem, raw, usage };
}

function checkFill(
  fileText: string,
  json: string,
  sections: Section[],
): { ok: true; text: string; edits: Edit[] } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'the reply is not valid JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problem: 'the reply must be one JSON object' };
  const insertions = sections
    .map((s) => ({ path: s.path, value: valueAt(value, s.path) }))
    .filter((i) => i.value !== undefined && i.value !== null && !(Array.isArray(i.value) && i.value.length === 0) && i.value !== '');
  if (insertions.length === 0) return { ok: false, problem: 'no section was filled' };
  const { text, edits } = insertIntoJson(fileText, insertions);
  // The result must still be a valid persona: a filled section of the wrong shape is refused.
  const result = personaSchema.safeParse(JSON.parse(text));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, problem: `${formatPath(issue.path)}: ${issue.message}` };
  }
  return { ok: true, text, edits };
}
