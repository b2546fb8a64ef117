import { describeJsonSyntaxError } from '../core/json-error.js';
import { InputFileError, type Issue } from '../core/errors.js';
import { TRANSCRIPT_JSON_FORMAT, TRANSCRIPT_JSON_VERSION, transcriptDocument, type TranscriptDocument } from './transcript-schema.js';
import type { Transcript } from './types.js';

// Data, not display: every stored field, text kept exactly as stored (escape sequences included;
// JSON encoding makes them inert), so other tools and `parseTranscriptJson` get the session back.

export function renderJson(transcript: Transcript): string {
  const document: TranscriptDocument = {
    format: TRANSCRIPT_JSON_FORMAT,
    version: TRANSCRIPT_JSON_VERSION,
    session: transcript.session,
    persona: transcript.snapshot ?? null,
    messages: transcript.messages,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Reads a JSON transcript back; throws InputFileError naming every problem. */
export function parseTranscriptJson(text: string, source = 'transcript.json'): Transcript {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    const { where, what } = describeJsonSyntaxError(text, error as Error);
    throw new InputFileError(source, [{ path: '', message: `not valid JSON${where ? ` at ${where}` : ''}: ${what}` }]);
  }
  const result = transcriptDocument.safeParse(data);
  if (!result.success) {
    const issues: Issue[] = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format !== TRANSCRIPT_JSON_FORMAT) {
      issues.unshift({ path: 'format', message: 'not a persona-chat transcript', hint: 'export one with `persona export --format json`' });
    }
    throw new InputFileError(source, issues);
  }
  const { session, persona, messages } = result.data;
  return { session, ...(persona ? { snapshot: persona } : {}), messages };
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
