import { SYNTAX_COLORS } from '../theme.js';

// Syntax highlighting for code blocks with lowlight, mapped to Ink colours (never escape codes).
// lowlight and its grammars are loaded on first need, off the start-up path: until they are in,
// code renders uncoloured.

export interface CodeSegment {
  text: string;
  color?: string;
}

interface HastNode {
  type: string;
  value?: string;
  properties?: { className?: unknown };
  children?: HastNode[];
}

interface Highlighter {
  registered(language: string): boolean;
  highlight(language: string, code: string): HastNode;
}

let highlighter: Highlighter | undefined;
let loading: Promise<void> | undefined;

/** Starts loading the grammars; resolves when they are ready. Safe to call many times. */
export function loadHighlighter(): Promise<void> {
  loading ??= import('lowlight').then(({ createLowlight, common }) => {
    highlighter = createLowlight(common) as unknown as Highlighter;
  });
  return loading;
}

/** The code as coloured lines; plain lines when the language is unknown or grammars are not loaded. */
export function highlightLines(code: string, language: string | undefined): CodeSegment[][] {
  const lang = language?.trim().split(/\s+/)[0]?.toLowerCase();
  if (!highlighter || !lang || !highlighter.registered(lang)) return code.split('\n').map((text) => [{ text }]);
  let tree: HastNode;
  try {
    tree = highlighter.highlight(lang, code);
  } catch {
    return code.split('\n').map((text) => [{ text }]);
  }
  const lines: CodeSegment[][] = [[]];
  const walk = (node: HastNode, color: string | undefined) => {
    if (node.type === 'text') {
      const parts = (node.value ?? '').split('\n');
      parts.forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines[lines.length - 1]!.push(color ? { text: part, color } : { text: part });
      });
      return;
    }
    const own = colorOf(node.properties?.className);
    for (const child of node.children ?? []) walk(child, own ?? color);
  };
  walk(tree, undefined);
  return lines;
}

function colorOf(className: unknown): string | undefined {
  if (!Array.isArray(className)) return undefined;
  for (const name of className) {
    if (typeof name !== 'string' || !name.startsWith('hljs-')) continue;
    const color = SYNTAX_COLORS[name.slice(5)];
    if (color) return color;
  }
  return undefined;
}
