import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A reopened chat's transcript is lexed ahead (src/ui/markdown/prelex.ts): in the built worker
// thread when there is one, else by marked loaded on the main thread. Either way <Markdown> must
// get exactly marked's tokens, and with the worker the main thread must not load marked for it.

const BUILT_WORKER = fileURLToPath(new URL('../../dist/markdown-lexer.js', import.meta.url));

const TRANSCRIPT = [
  'Answer: it depends on the *contract terms*.\n\n- renewal dates\n- exit fees\n\n```\ntotal = licences + migration\n```',
  '# Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted **bold** and `code`, “curly” ¡punctuation! 📊',
  'plain words with no markup at all',
  '1. first\n2. second\n   - nested [link](https://example.com)\n\n---\n\n~~struck~~ <b>html</b>',
];

/** Tokens as they cross a thread (structured clone keeps data, drops the array's `links`). */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

async function freshModules() {
  vi.resetModules();
  const prelex = await import('../../src/ui/markdown/prelex.js');
  const lexer = await import('../../src/ui/markdown/lexer.js');
  const { sanitizeText } = await import('../../src/core/sanitize.js');
  return { ...prelex, ...lexer, sanitizeText };
}

describe('lexing a reopened transcript ahead of its first frame', () => {
  beforeEach(() => vi.resetModules());

  it.skipIf(!existsSync(BUILT_WORKER))(
    'gets marked tokens from the worker thread, without loading marked on the main thread (needs the build: npm run build)',
    async () => {
      const { startMarkdownWorker, stopMarkdownWorker, prelexMarkdown, lexMarkdown, sanitizeText } = await freshModules();
      startMarkdownWorker(BUILT_WORKER);
      try {
        await prelexMarkdown(TRANSCRIPT);
        for (const text of TRANSCRIPT) {
          const key = sanitizeText(text);
          expect(plain(lexMarkdown(key)), text).toEqual(plain(marked.lexer(key)));
        }
        // Text nobody lexed ahead renders as a plain paragraph: marked was not loaded here.
        const other = 'some **other** text';
        expect(lexMarkdown(other)).toEqual([expect.objectContaining({ type: 'paragraph', raw: other })]);
      } finally {
        stopMarkdownWorker();
      }
    },
  );

  it('loads marked on the main thread when there is no worker to lex in', async () => {
    const { startMarkdownWorker, prelexMarkdown, lexMarkdown, sanitizeText } = await freshModules();
    startMarkdownWorker('/nonexistent/markdown-lexer.js');
    await prelexMarkdown(TRANSCRIPT);
    for (const text of TRANSCRIPT) expect(plain(lexMarkdown(sanitizeText(text)))).toEqual(plain(marked.lexer(sanitizeText(text))));
    expect(plain(lexMarkdown('some **other** text'))).toEqual(plain(marked.lexer('some **other** text')));
  });

  it('leaves text with no Markdown in it alone: nothing is lexed or loaded', async () => {
    const { startMarkdownWorker, prelexMarkdown, lexMarkdown, isLexedAhead } = await freshModules();
    startMarkdownWorker('/nonexistent/markdown-lexer.js');
    await prelexMarkdown(['just words', 'more words, and a comma']);
    expect(isLexedAhead('just words')).toBe(false);
    expect(lexMarkdown('a **b**')).toEqual([expect.objectContaining({ type: 'paragraph', raw: 'a **b**' })]);
  });
});
