import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Bearer tokens -> users. Tokens are compared as SHA-256 digests with timingSafeEqual, so neither
// the comparison time nor an early exit tells an attacker how much of a guess was right.

export type Authenticate = (req: IncomingMessage) => string | undefined;

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

export function createAuthenticator(tokens: ReadonlyMap<string, string>): Authenticate {
  const table = [...tokens].map(([token, userId]) => ({ digest: digest(token), userId }));
  return (req) => {
    const presented = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    if (presented === undefined) return undefined;
    const wanted = digest(presented);
    let user: string | undefined;
    for (const entry of table) if (timingSafeEqual(entry.digest, wanted)) user ??= entry.userId;
    return user;
  };
}
