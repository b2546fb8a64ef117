import type { Token } from 'marked';

// The Markdown parser (marked) loads after the chat's first frame, not before it: the first
// reply is at least a keystroke away. Until it is in, text renders as one plain paragraph.

type Lexer = (text: string) => Token[];

let lexer: Lexer | undefined;
let loading: Promise<void> | undefined;

export function loadMarkdownParser(): Promise<void> {
  loading ??= import('marked').then(({ marked }) => {
    lexer = (text) => marked.lexer(text);
  });
  return loading;
}

export function lexMarkdown(text: string): Token[] {
  if (lexer) return lexer(text);
  return [{ type: 'paragraph', raw: text, text, tokens: [{ type: 'text', raw: text, text, escaped: false }] } as Token];
}
