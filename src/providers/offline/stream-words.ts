// Replies are revealed a word at a time so the UI shows the same typing motion it shows for a
// live model, and so cancelling mid-reply behaves the same as well.

/** "Hi there,\n1. Yes" -> ["Hi ", "there,\n", "1. ", "Yes"]: each word with the whitespace after it. */
export function splitWords(text: string): string[] {
  const leading = text.match(/^\s+/)?.[0] ?? '';
  const words = text.slice(leading.length).match(/\S+\s*/g) ?? [];
  if (leading && words.length > 0) words[0] = leading + words[0];
  return words;
}

/** Waits `ms`, returning early (without throwing) when the signal aborts. */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** About four characters per token: the usual rule of thumb for English with GPT-style tokenizers. */
export function estimateTokens(text: string): number {
  return tokensOfLength(text.length);
}

/** `estimateTokens` of a text of this many characters. */
export function tokensOfLength(length: number): number {
  return Math.ceil(length / 4);
}
