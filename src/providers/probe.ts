import type { ProviderSettings } from './types.js';

// `persona doctor` asks the configured server whether it answers, rather than trusting the
// settings: first its model list (cheap, no tokens), and when a server has none (many
// OpenAI-compatible ones), a one-token request. A short timeout: a check must not hang.

export type ProbeResult =
  { status: 'ok'; detail: string } | { status: 'failed'; detail: string; fix: string } | { status: 'untested'; detail: string };

const OPENAI_DEFAULT = 'https://api.openai.com/v1';
const ANTHROPIC_DEFAULT = 'https://api.anthropic.com';

export async function probeProvider(settings: ProviderSettings, timeoutMs = 3000): Promise<ProbeResult> {
  if (settings.name === 'offline') return { status: 'untested', detail: 'the offline engine needs no server' };
  const anthropic = settings.name === 'anthropic';
  const base = (settings.baseUrl ?? (anthropic ? ANTHROPIC_DEFAULT : OPENAI_DEFAULT)).replace(/\/+$/, '');
  const root = anthropic ? `${base}/v1` : base;
  const headers: Record<string, string> = anthropic
    ? { 'x-api-key': settings.apiKey ?? '', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' }
    : { authorization: `Bearer ${settings.apiKey ?? 'none'}`, 'content-type': 'application/json' };
  const host = hostOf(base);
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${root}${path}`, { ...init, headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  try {
    const list = await call('/models');
    if (list.ok) return { status: 'ok', detail: `${host} answers (model list read)` };
    if (list.status === 401 || list.status === 403) return rejected(host, list.status, settings);
    // No model list here: ask for one token instead.
    const body = anthropic
      ? { model: settings.model, max_tokens: 1, messages: [{ role: 'user', content: 'hi' }] }
      : { model: settings.model, max_tokens: 1, messages: [{ role: 'user', content: 'hi' }] };
    const one = await call(anthropic ? '/messages' : '/chat/completions', { method: 'POST', body: JSON.stringify(body) });
    if (one.ok) return { status: 'ok', detail: `${host} answers (a one-token request to ${settings.model})` };
    if (one.status === 401 || one.status === 403) return rejected(host, one.status, settings);
    if (one.status === 404)
      return {
        status: 'failed',
        detail: `${host} has no model "${settings.model}" (HTTP 404)`,
        fix: `pick another with --model or \`persona config set ${settings.name}.model …\`; check the base URL${anthropic ? '' : ' (it usually ends in /v1)'}`,
      };
    return { status: 'untested', detail: `${host} answered HTTP ${one.status} to a one-token request; a chat may still work` };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      status: 'failed',
      detail: `cannot reach ${host} (${timedOut ? `no answer within ${timeoutMs / 1000} s` : connectionProblem(error)})`,
      fix: `check the base URL (${anthropic ? 'ANTHROPIC_BASE_URL' : 'OPENAI_BASE_URL'} or \`persona config set ${settings.name}.baseUrl …\`) and that the server is running, or use --provider offline`,
    };
  }
}

function rejected(host: string, status: number, settings: ProviderSettings): ProbeResult {
  const env = settings.name === 'anthropic' ? 'ANTHROPIC_API_KEY' : 'OPENAI_API_KEY';
  return {
    status: 'failed',
    detail: `${host} rejected the API key (HTTP ${status})`,
    fix: `check or replace the key (${env}, or \`persona config set ${settings.name}.apiKey …\`)`,
  };
}

function connectionProblem(error: unknown): string {
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  return typeof code === 'string' ? code : 'network error';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the configured base URL';
  }
}
