// What went wrong when a file is not JSON, in words that are safe to print. JSON.parse's own
// message quotes the input ("Unexpected token '\0', "\0\0…" is not valid JSON"), so a binary or
// UTF-16 file would put raw NULs and escape sequences on the terminal; this names the problem
// (binary, UTF-16, or the syntax error and where) and quotes nothing but a described character.

/** Where the parser stopped, when it says. */
export interface JsonSyntaxProblem {
  /** `line 3, column 14`, or '' when the parser did not say. */
  where: string;
  /** One printable line saying what is wrong. */
  what: string;
  /** How to fix it. */
  hint: string;
}

export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lastNewline = -1;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastNewline = i;
    }
  }
  return { line, column: position - lastNewline };
}

/** Describes why `text` (a file read as UTF-8) failed JSON.parse with `error`. */
export function describeJsonSyntaxError(text: string, error: Error): JsonSyntaxProblem {
  const encoding = encodingProblem(text);
  if (encoding) return { where: '', ...encoding };
  return { where: whereParsingStopped(text, error.message), what: parserWords(error.message), hint: SYNTAX_HINT };
}

const SYNTAX_HINT = 'check for a missing comma, quote or bracket near there';

/** UTF-16 (NULs between ASCII letters, or its byte-order mark) or binary (NULs anywhere). */
function encodingProblem(text: string): Omit<JsonSyntaxProblem, 'where'> | undefined {
  const head = text.slice(0, 512);
  const nuls = head.split('\u0000').length - 1;
  const bom = /^\uFFFD\uFFFD/.test(head);
  if (nuls === 0 && !bom) return undefined;
  if (bom || nuls >= head.length / 4) {
    return { what: 'the file is UTF-16 text, not UTF-8', hint: 'save it as UTF-8 (in most editors: Save with Encoding > UTF-8)' };
  }
  return { what: 'the file is binary (it contains NUL bytes), not JSON text', hint: 'give a persona-chat JSON file saved as UTF-8 text' };
}

function whereParsingStopped(text: string, message: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return `line ${lc[1]}, column ${lc[2]}`;
  const position = /position (\d+)/.exec(message)?.[1];
  const at = position !== undefined ? Number(position) : /end of JSON input/i.test(message) ? text.length : undefined;
  if (at === undefined) return '';
  const { line, column } = lineAndColumn(text, at);
  return `line ${line}, column ${column}`;
}

/** The parser's words without its excerpt of the input and with any quoted character described. */
function parserWords(message: string): string {
  const words = message
    .replace(/,\s*"[\s\S]*$/, '') // `, "…excerpt…" is not valid JSON`
    .replace(/\s*(in JSON )?at position \d+[\s\S]*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/'([\s\S]*?)'/g, (_m, token: string) => `'${describeCharacters(token)}'`);
  return describeCharacters(words).slice(0, 200);
}

/** Control, bidi, invisible and replacement characters shown as U+XXXX; everything else as is. */
function describeCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffd]/g, (ch) => {
    return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
