import { StoreError } from '../../core/errors.js';

// The driver reports trouble as Node socket codes (ECONNREFUSED, ENOTFOUND) or PostgreSQL SQLSTATE
// codes (28P01, 3D000, ...). A person sees one sentence naming the server (never the password) and
// what to do; the original error stays as `cause`, with any copy of the password scrubbed from it.

function field(error: unknown, name: string): string {
  if (typeof error === 'object' && error !== null && name in error) {
    const value = (error as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : '';
  }
  return '';
}

const CHECK_URL = 'Check DATABASE_URL (or the setting database.url)';
/** The same advice mid-sentence, after "Start the server, or". */
const CHECK_URL_AFTER_OR = 'check DATABASE_URL (or the setting database.url)';

/**
 * Turns a known connection or server failure into a StoreError; undefined for anything else (a bug,
 * which must surface as one). `server` is host:port/database, already free of secrets.
 */
export function toPostgresStoreError(error: unknown, server: string, secret?: string): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const code = field(error, 'code');
  const message = field(error, 'message');
  const cause = scrubbed(error, secret);
  const store = (text: string, hint: string) => new StoreError(text, hint, cause);

  switch (code) {
    case 'ECONNREFUSED':
      return store(
        `Cannot connect to PostgreSQL at ${server}: the connection was refused.`,
        `Start the server, or ${CHECK_URL_AFTER_OR}: host and port.`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return store(`Cannot connect to PostgreSQL at ${server}: the host name does not resolve.`, `${CHECK_URL}: the host name.`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return store(`Cannot reach PostgreSQL at ${server} (${code}).`, 'Check the network and any firewall between here and the server.');
    case 'ECONNRESET':
    case 'EPIPE':
      return store(`The connection to PostgreSQL at ${server} was cut.`, 'Check that the server is up and try again.');
    case 'ENOENT':
      return store(
        `There is no PostgreSQL socket for ${server}.`,
        `Start the server, or ${CHECK_URL_AFTER_OR}: the socket folder and port.`,
      );
    case '28P01':
    case '28000':
      return store(
        `PostgreSQL at ${server} refused the login (${message}).`,
        `${CHECK_URL}: the user name and password (percent-encode special characters).`,
      );
    case '3D000':
      return store(`The database ${server} does not exist.`, 'Create it (createdb <name>), or name an existing database in the URL.');
    case '42501':
      return store(
        `The PostgreSQL user may not do this in ${server} (${message}).`,
        'Grant it CREATE and USAGE on the schema, or connect as the database owner.',
      );
    case '53300':
    case '53400':
      return store(
        `PostgreSQL at ${server} has no free connection slots.`,
        'Close other clients or raise max_connections, then try again.',
      );
    case '57P01':
    case '57P02':
    case '57P03':
      return store(`PostgreSQL at ${server} is shutting down or starting up.`, 'Wait for it to accept connections and try again.');
    case '53100':
      return store(`The disk of PostgreSQL at ${server} is full.`, 'Free some space on the server and try again.');
    case '22021':
    case '22P05':
      return store(
        'PostgreSQL cannot store this text: it holds a NUL character (\\u0000) or bytes that are not UTF-8.',
        'Remove the character from the text (SQLite can keep it; PostgreSQL text cannot).',
      );
  }
  if (code.startsWith('08')) {
    return store(`The connection to PostgreSQL at ${server} failed (${message || code}).`, 'Check that the server is up and try again.');
  }
  if (/timeout expired|Connection terminated due to connection timeout/i.test(message)) {
    return store(`PostgreSQL at ${server} did not answer in time.`, 'Check that the server is up and reachable, then try again.');
  }
  if (/Connection terminated/i.test(message)) {
    return store(`The connection to PostgreSQL at ${server} ended unexpectedly.`, 'Check that the server is up and try again.');
  }
  if (/does not support SSL|SSL|certificate/i.test(message) && code === '') {
    return store(
      `The TLS handshake with PostgreSQL at ${server} failed (${message}).`,
      'Add or change ?sslmode= in the URL (disable, require or verify-full) to match the server.',
    );
  }
  return undefined;
}

/** The error with every copy of the password removed from its message and stack (they travel as `cause`). */
function scrubbed(error: unknown, secret: string | undefined): unknown {
  if (!secret || !(error instanceof Error)) return error;
  const clean = (text: string | undefined) => text?.split(secret).join('***');
  error.message = clean(error.message) ?? '';
  if (error.stack) error.stack = clean(error.stack);
  return error;
}

/** Runs `work`, rethrowing known failures as StoreError. */
export async function withPostgresErrors<T>(server: string, secret: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toPostgresStoreError(error, server, secret) ?? error;
  }
}
