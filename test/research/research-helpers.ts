import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { RecordedRequest, WireScript } from '../support/wire-server.js';

// Shared by the research tests: reading the database a CLI run wrote, a CSV parser (RFC 4180, so
// the test does not trust the code it checks), and a wire-server "model" that follows the schema
// it is sent, as a real structured-output model does.

/** Rows and JSON read back in tests: the assertions check them field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test data, read as delivered
export type Loose = any;

export function rows(home: string, sql: string, ...params: unknown[]): Loose[] {
  const db = new Database(join(home, 'persona.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}

export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    out.push(row);
  }
  return out;
}

/** The answer schema a request carries: OpenAI's response_format, or Anthropic's forced tool. */
export function answerSchemaOf(request: RecordedRequest): Loose {
  const body = request.body;
  if (body.response_format?.json_schema) return body.response_format.json_schema.schema;
  const forced = body.tool_choice?.name;
  const tool = body.tools?.find((t: Loose) => t.name === forced)?.input_schema;
  if (tool) return tool;
  // Text mode: the schema is the last line of the system prompt.
  const system =
    typeof body.system === 'string'
      ? body.system
      : (body.system?.[0]?.text ?? body.messages?.find((m: Loose) => m.role === 'system')?.content);
  const match = typeof system === 'string' ? /JSON Schema[^\n]*:\n(\{.*\})\s*$/s.exec(system) : null;
  return match ? JSON.parse(match[1]!) : undefined;
}

/** A valid value for an answer schema, picked by `pick` (an index into the allowed values). */
export function valueFor(schema: Loose, pick: number): unknown {
  switch (schema.type) {
    case 'string':
      return schema.enum ? schema.enum[pick % schema.enum.length] : `Free text ${pick}`;
    case 'array': {
      const options = schema.items.enum as string[];
      return [options[pick % options.length]];
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? min + 10;
      return min + (pick % (max - min + 1));
    }
    case 'boolean':
      return pick % 2 === 0;
    default:
      throw new Error(`no value for schema type ${schema.type}`);
  }
}

/** A wire-server fallback that answers every structured request validly, varying by request. */
export function schemaFollowingModel(
  extra: Partial<Exclude<WireScript, { status: number }>> = {},
): (request: RecordedRequest) => WireScript {
  let count = 0;
  return (request) => {
    const schema = answerSchemaOf(request);
    if (!schema) return { text: 'not a structured request', ...extra };
    const answer = valueFor(schema.properties.answer, count++);
    return { text: JSON.stringify({ answer, reason: 'It fits how I live.' }), ...extra };
  };
}
