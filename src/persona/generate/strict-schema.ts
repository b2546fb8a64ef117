import { personaJsonSchema } from '../schema.js';

// The JSON Schema a model fills when it writes a persona: derived from the very schema
// `persona personas schema` prints, reshaped into the subset that strict structured output
// accepts (OpenAI's strict json_schema, Anthropic's tool input): every property required, no
// extra keys, one type per field, no validation keywords the servers reject. What comes back is
// still validated against the full persona schema.

type Json = Record<string, unknown>;

/** Fields a model never writes: ids, ownership and timestamps are ours; pictures and chat profiles are derived. */
const NOT_GENERATED = new Set(['id', 'userId', 'createdAt', 'updatedAt', 'profilePicture', 'chatProfile']);
const DROPPED_KEYWORDS = new Set(['$schema', 'title', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'format', 'default']);

function pickBranch(branches: Json[]): Json {
  // A list given as an array or one string: the array. A number or a range string: the number.
  return branches.find((b) => b.type === 'array') ?? branches.find((b) => b.type === 'integer' || b.type === 'number') ?? branches[0]!;
}

function strict(node: Json): Json {
  if (Array.isArray(node.anyOf)) {
    const { anyOf, ...rest } = node;
    return strict({ ...rest, ...pickBranch(anyOf as Json[]) });
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (key === 'type' && Array.isArray(value)) out.type = value[0];
    else if (key === 'properties' || key === 'items' || key === 'additionalProperties') continue;
    else out[key] = value;
  }
  if (node.type === 'array' && node.items && typeof node.items === 'object') out.items = strict(node.items as Json);
  if (node.type === 'object') {
    const properties = Object.fromEntries(
      Object.entries((node.properties ?? {}) as Record<string, Json>).map(([key, value]) => [key, strict(value)]),
    );
    out.properties = properties;
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  }
  return out;
}

/** The persona schema in strict form, without the fields named in `omit` (and those a model never writes). */
export function strictPersonaSchema(options: { only?: string[][] } = {}): Json {
  const full = personaJsonSchema() as Json;
  const properties = Object.fromEntries(Object.entries(full.properties as Record<string, Json>).filter(([key]) => !NOT_GENERATED.has(key)));
  const shaped = strict({ ...full, properties });
  return options.only ? subset(shaped, options.only) : shaped;
}

/**
 * Only the given paths of a strict object schema, e.g. [['generatedInsights', 'painPoints'],
 * ['exampleDialogue']]: what `personas enrich` asks for when those are the empty sections.
 */
function subset(schema: Json, paths: string[][]): Json {
  const properties: Record<string, Json> = {};
  const byHead = new Map<string, string[][]>();
  for (const [head, ...tail] of paths) {
    if (!head) continue;
    byHead.set(head, [...(byHead.get(head) ?? []), tail]);
  }
  const source = schema.properties as Record<string, Json>;
  for (const [head, tails] of byHead) {
    const node = source[head];
    if (!node) continue;
    properties[head] = tails.some((t) => t.length === 0) ? node : subset(node, tails);
  }
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}
