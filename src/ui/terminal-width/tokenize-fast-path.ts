// Ink splits every line of every frame into cells with @alcalzone/ansi-tokenize's `tokenize`,
// which walks the line grapheme by grapheme (a segmenter iterator, one object a character) and
// asks for each whether it is wide. A reopened chat's first frame is thousands of cells, nearly
// all printable ASCII between SGR colour codes: measured 10-15 ms of its first frame.
//
// This is the same function with a shortcut for such lines: a printable ASCII character is a
// cluster of its own and never wide, so it becomes a one-cell token directly, and each SGR code
// (ESC [ digits and semicolons m) goes through the library's own tokenize, so its tokens are the
// library's. Any other character (controls, C1 codes, non-ASCII, other escape sequences) sends
// the whole line to the library. The result is the library's token for token
// (test/ui/terminal-width/tokenize-fast-path.test.ts). The build points Ink's import here.
import { tokenize as libraryTokenize, type Token } from '@alcalzone/ansi-tokenize';

const ESC = 0x1b;
const OPEN_BRACKET = 0x5b;
const SGR_END = 0x6d; // m

/** The index just past an SGR sequence starting at `start` (ESC [ [0-9;]* m), or -1. */
function sgrEnd(line: string, start: number): number {
  if (line.charCodeAt(start + 1) !== OPEN_BRACKET) return -1;
  for (let i = start + 2; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === SGR_END) return i + 1;
    if (code !== 0x3b && (code < 0x30 || code > 0x39)) return -1;
  }
  return -1;
}

/** An SGR code's tokens are always the same: the library's answer, kept (and copied out). */
const sgrTokens = new Map<string, readonly Token[]>();

function tokensOfSgr(code: string): Token[] {
  let tokens = sgrTokens.get(code);
  if (tokens === undefined) {
    tokens = libraryTokenize(code);
    sgrTokens.set(code, tokens);
  }
  return tokens.map((token) => ({ ...token }));
}

/**
 * Printable ASCII and SGR codes only: the cells, or undefined when the line holds anything else
 * (the caller then asks the library).
 */
function tokenizeAsciiWithSgr(line: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (let i = 0; i < line.length;) {
    const code = line.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) {
      tokens.push({ type: 'char', value: line[i]!, fullWidth: false });
      i++;
      continue;
    }
    if (code !== ESC) return undefined;
    const end = sgrEnd(line, i);
    if (end === -1) return undefined;
    for (const token of tokensOfSgr(line.slice(i, end))) tokens.push(token);
    i = end;
  }
  return tokens;
}

/** `tokenize` of @alcalzone/ansi-tokenize, answering lines of ASCII and colour codes itself. */
export function tokenize(line: string, endChar = Number.POSITIVE_INFINITY): Token[] {
  if (endChar === Number.POSITIVE_INFINITY) {
    const tokens = tokenizeAsciiWithSgr(line);
    if (tokens) return tokens;
  }
  return libraryTokenize(line, endChar);
}
