import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { ProviderError } from '../../src/core/errors.js';
import type { ChatTurn } from '../../src/core/messages.js';
import type { Provider, ProviderEvent, ProviderRequest } from '../../src/providers/types.js';

export const TEST_KEY = 'sk-test-5b1f0c9e2d7a4e31';

export const HISTORY: ChatTurn[] = [
  { role: 'user', content: 'Hi, who are you?' },
  { role: 'persona', content: 'I am Maya, I run a bakery.' },
  { role: 'user', content: 'What do you think of our app?' },
];

export function chatRequest(overrides: Partial<ProviderRequest> = {}): ProviderRequest {
  return {
    system: 'You are Maya, a 34-year-old bakery owner.',
    messages: HISTORY,
    model: 'test-model',
    temperature: 0.7,
    maxOutputTokens: 300,
    ...overrides,
  };
}

/** Drains a provider stream; a throw from the iterator fails the test, as the contract forbids it. */
export async function collect(stream: AsyncIterable<ProviderEvent>, onEvent?: (event: ProviderEvent) => void): Promise<ProviderEvent[]> {
  const events: ProviderEvent[] = [];
  for await (const event of stream) {
    events.push(event);
    onEvent?.(event);
  }
  return events;
}

export function textOf(events: ProviderEvent[]): string {
  return events.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('');
}

export function deltaCount(events: ProviderEvent[]): number {
  return events.filter((e) => e.type === 'delta').length;
}

/** Asserts the stream ended with exactly one terminal event, last, and returns it. */
export function terminalOf(events: ProviderEvent[]): Extract<ProviderEvent, { type: 'done' | 'error' }> {
  const terminals = events.filter((e) => e.type === 'done' || e.type === 'error');
  expect(terminals).toHaveLength(1);
  expect(events.at(-1)).toBe(terminals[0]);
  return terminals[0] as Extract<ProviderEvent, { type: 'done' | 'error' }>;
}

export function errorOf(events: ProviderEvent[]): ProviderError {
  const terminal = terminalOf(events);
  if (terminal.type !== 'error') throw new Error(`expected an error, got done/${terminal.finishReason}`);
  return terminal.error;
}

/** Asserts a user-facing error is one line and carries neither the key nor the server's raw echo. */
export function expectSafeMessage(error: ProviderError, key: string): void {
  expect(error.message).not.toContain('\n');
  expect(error.message).not.toContain(key);
  expect(error.hint ?? '').not.toContain(key);
  expect(String((error.cause as Error | undefined)?.message ?? '')).not.toContain(key);
}

/** A URL on 127.0.0.1 where nothing listens: bound once, then released. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export async function abortAfterDeltas(provider: Provider, request: ProviderRequest, deltas: number): Promise<ProviderEvent[]> {
  const controller = new AbortController();
  let seen = 0;
  return collect(provider.stream({ ...request, signal: controller.signal }), (event) => {
    if (event.type === 'delta' && ++seen === deltas) controller.abort();
  });
}
