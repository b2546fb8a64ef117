import type { marked as Marked, Token } from 'marked';

// The Markdown parser (marked) loads after the chat's first frame, not before it: the first
// reply is at least a keystroke away. Until it is in, text renders as one plain paragraph, except
// text lexed ahead of time (a reopened transcript, lexed in a worker thread: prelex.ts).

type Lexer = (text: string) => Token[];

let lexer: Lexer | undefined;
let loading: Promise<void> | undefined;
const lexedAhead = new Map<string, Token[]>();

/** How the chat lexes a text with marked, on the main thread and in the worker alike. */
export function lexWith(markedModule: typeof Marked, text: string): Token[] {
  return markedModule.lexer(text);
}

export function loadMarkdownParser(): Promise<void> {
  loading ??= import('marked').then(({ marked }) => {
    lexer = (text) => lexWith(marked, text);
  });
  return loading;
}

/** Tokens of `text` lexed elsewhere (the worker), for lexMarkdown to answer with. */
export function rememberLexed(text: string, tokens: Token[]): void {
  lexedAhead.set(text, tokens);
}

export function isLexedAhead(text: string): boolean {
  return lexedAhead.has(text);
}

export function lexMarkdown(text: string): Token[] {
  const ahead = lexedAhead.get(text);
  if (ahead) return ahead;
  if (lexer) return lexer(text);
  return [{ type: 'paragraph', raw: text, text, tokens: [{ type: 'text', raw: text, text, escaped: false }] } as Token];
}
