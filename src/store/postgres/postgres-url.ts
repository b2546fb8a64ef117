import { StoreError } from '../../core/errors.js';

// A PostgreSQL URL carries a password more often than not. What the app shows of it (status, error
// messages, logs, `location.where`) is always the redacted form; the full URL goes to the driver only.

const SCHEMES = new Set(['postgres:', 'postgresql:']);
const SECRET_PARAMS = ['password', 'sslpassword', 'sslkey'];

/** True for a postgres:// or postgresql:// URL (how the store factory tells the backends apart). */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text.trim());
}

/** The URL with the password (in the user part or the query) removed; unparsable text is masked whole after the scheme. */
export function redactPostgresUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return text.replace(/^(\w+:\/\/)[\s\S]*$/, '$1…');
  }
  url.password = '';
  for (const name of SECRET_PARAMS) if (url.searchParams.has(name)) url.searchParams.set(name, 'redacted');
  return url.toString();
}

/** Checks the URL's shape before the driver sees it; the error never repeats the URL's secrets. */
export function parsePostgresUrl(text: string): URL {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new StoreError(
      `The database URL ${redactPostgresUrl(trimmed)} is not a valid URL.`,
      'Write it as postgres://user:password@host:5432/database (percent-encode special characters in the password).',
    );
  }
  if (!SCHEMES.has(url.protocol.toLowerCase())) {
    throw new StoreError(
      `The database URL must start with postgres:// or postgresql:// (got ${url.protocol}//…).`,
      'Unset DATABASE_URL (and database.url) to use the SQLite file, or give a PostgreSQL URL.',
    );
  }
  return url;
}

/** host:port/database for messages, from a parsed URL (a socket folder given as ?host= counts as the host). */
export function describeServer(url: URL): string {
  const host = url.hostname || url.searchParams.get('host') || 'localhost';
  const port = url.port || url.searchParams.get('port') || '5432';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username) || 'postgres';
  return `${host}:${port}/${database}`;
}
