import type { IncomingHttpHeaders } from 'node:http';

// DNS rebinding: a web page on attacker.example can point its own name at 127.0.0.1 and then call
// this server as "same origin". The browser still sends `Host: attacker.example`, so a server with
// no token accepts only Host values that name a loopback address with its own port. With a token
// the token is the guard, and any Host is fine (the server may sit behind a proxy).

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when the Host header names this machine's loopback interface on `port`. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  // Clients leave the port out when it is the default one (80).
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!match || Number(match[2] ?? 80) !== port) return false;
  const name = match[1]!;
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** Whether a request may be served at all, before authentication. */
export function hostAllowed(headers: IncomingHttpHeaders, port: number, hasTokens: boolean): boolean {
  return hasTokens || isLoopbackHost(headers.host, port);
}
