// Errors meant for the person at the keyboard. Each carries a one-line message, an optional hint
// saying how to fix it, and the process exit code the CLI should use. Anything that is not a
// UserError is a bug and is reported as one.

export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  invalidInput: 3,
  provider: 4,
  store: 5,
  /** A rate limit, conversation limit or spending budget stopped the request. */
  limit: 6,
  /** Voice input failed: no recorder or transcriber, nothing captured, or the transcription failed. */
  voice: 7,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class UserError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;
  constructor(message: string, options: { hint?: string; exitCode?: ExitCode; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.failure;
  }
}

/** Bad flags, arguments or option values. */
export class UsageError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, { hint, exitCode: ExitCode.usage });
  }
}

/** One problem at one place in one input file. */
export interface Issue {
  /** JSON path such as `psychographics.values[2]`, or '' for the whole file. */
  path: string;
  message: string;
  hint?: string;
}

/** A file (persona, config, card, audio) that cannot be used; lists every problem found. */
export class InputFileError extends UserError {
  readonly file: string;
  readonly issues: Issue[];
  constructor(file: string, issues: Issue[]) {
    super(issues.map((i) => formatIssue(file, i)).join('\n'), { exitCode: ExitCode.invalidInput });
    this.file = file;
    this.issues = issues;
  }
}

export function formatIssue(file: string, issue: Issue): string {
  const where = issue.path ? `${file}: ${issue.path}` : file;
  return `${where}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
}

/** What went wrong with a model provider, in words a user can act on. */
export type ProviderErrorKind =
  'auth' | 'rate_limit' | 'overloaded' | 'server' | 'unreachable' | 'timeout' | 'bad_request' | 'not_found' | 'malformed' | 'config';

export class ProviderError extends UserError {
  readonly kind: ProviderErrorKind;
  readonly provider: string;
  readonly status: number | undefined;
  constructor(
    provider: string,
    kind: ProviderErrorKind,
    message: string,
    options: { hint?: string; status?: number; cause?: unknown } = {},
  ) {
    super(message, { hint: options.hint, exitCode: ExitCode.provider, cause: options.cause });
    this.provider = provider;
    this.kind = kind;
    this.status = options.status;
  }
}

/** The local database cannot be opened or written. */
export class StoreError extends UserError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { hint, exitCode: ExitCode.store, cause });
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
