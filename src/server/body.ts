import type { IncomingMessage } from 'node:http';
import * as z from 'zod/mini';
import '../core/zod-setup.js';
import { HttpError } from './http-error.js';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the body up to `limit` bytes. A larger one is refused (413); the rest is drained, not
 * kept, so the client still reads the answer instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (part: Buffer) => {
      size += part.length;
      if (size <= limit) {
        parts.push(part);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      req.resume();
      reject(tooLarge(limit));
    };
    const onEnd = () => resolve(Buffer.concat(parts).toString('utf8'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `request body is larger than ${limit} bytes`, {}, { connection: 'close' });
}

/** The body as JSON validated by `schema`; 400 naming the first problem otherwise. */
export async function readJson<S extends z.core.$ZodType>(req: IncomingMessage, limit: number, schema: S): Promise<z.output<S>> {
  // JSON only: a browser page can POST a plain form to 127.0.0.1 without CORS asking anyone, but
  // not a JSON body, so this keeps other web sites from chatting on the user's behalf.
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send the body as JSON (Content-Type: application/json)');
  const text = await readBody(req, limit);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new HttpError(400, `invalid request: ${where}${issue.message}`, {
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}
