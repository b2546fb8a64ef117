// Text from models, persona files and the database is untrusted. Terminals act on control and
// escape sequences inside it: OSC 52 rewrites the clipboard, OSC 8 hides a link target, CSI moves
// the cursor and can overwrite what was printed, bidi overrides reorder what the eye reads. Ink
// passes all of these straight through, so every piece of untrusted text goes through here first.
//
// The sanitizer is a small state machine so that a sequence split across two stream chunks
// (ESC at the end of one delta, `]52;...` at the start of the next) is still removed whole.

const ESC = 0x1b;
const BEL = 0x07;
const C1_CSI = 0x9b;
const C1_ST = 0x9c;
const C1_STRING_STARTS = new Set([0x90, 0x98, 0x9d, 0x9e, 0x9f]); // DCS SOS OSC PM APC
/** A string sequence that never ends would swallow the rest of a reply; give up after this much. */
const MAX_SWALLOW = 4096;

const BIDI_AND_INVISIBLE = new Set([
  0x200b,
  0x200c,
  0x200e,
  0x200f, // zero width space / non-joiner, LRM, RLM
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e, // embeddings and overrides
  0x2060,
  0x2061,
  0x2062,
  0x2063,
  0x2064, // word joiner, invisible operators
  0x2066,
  0x2067,
  0x2068,
  0x2069, // isolates
  0xfeff, // zero width no-break space / BOM
  0x00ad, // soft hyphen
]);
const ZWJ = 0x200d;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

type State = 'text' | 'esc' | 'csi' | 'string';

export class TerminalSanitizer {
  private state: State = 'text';
  private swallowed = 0;
  /** A ZWJ is kept only between two pictographs (emoji sequences); decided when the next char arrives. */
  private pendingZwj = false;
  private lastWasPictograph = false;
  private sawCr = false;

  constructor(private readonly options: { singleLine?: boolean } = {}) {}

  push(chunk: string): string {
    let out = '';
    for (const ch of chunk) {
      const code = ch.codePointAt(0)!;
      switch (this.state) {
        case 'esc':
          if (code === 0x5b) this.enter('csi');
          else if (code === 0x5d || code === 0x50 || code === 0x58 || code === 0x5e || code === 0x5f) this.enter('string');
          else if (code >= 0x20 && code <= 0x2f) {
            /* intermediate byte: stay until the final byte */
          } else this.state = 'text';
          continue;
        case 'csi':
          if (code >= 0x40 && code <= 0x7e) this.state = 'text';
          else if (code < 0x20 || code > 0x7e || ++this.swallowed > MAX_SWALLOW) {
            this.state = 'text';
            out += this.text(ch, code);
          }
          continue;
        case 'string':
          if (code === BEL || code === C1_ST) this.state = 'text';
          // ESC \ (ST) ends the string; ESC anything-else aborts it and starts a new sequence.
          else if (code === ESC) this.state = 'esc';
          else if (code === 0x0a || ++this.swallowed > MAX_SWALLOW) {
            this.state = 'text';
            out += this.text(ch, code);
          }
          continue;
        case 'text':
          out += this.text(ch, code);
      }
    }
    return out;
  }

  /** Ends the stream: drops an unfinished sequence and a trailing joiner. */
  flush(): string {
    this.state = 'text';
    this.pendingZwj = false;
    this.lastWasPictograph = false;
    this.sawCr = false;
    return '';
  }

  private enter(state: State): void {
    this.state = state;
    this.swallowed = 0;
  }

  private text(ch: string, code: number): string {
    if (code === ESC) {
      this.state = 'esc';
      return '';
    }
    if (code === C1_CSI) {
      this.enter('csi');
      return '';
    }
    if (C1_STRING_STARTS.has(code)) {
      this.enter('string');
      return '';
    }
    const wasCr = this.sawCr;
    this.sawCr = code === 0x0d;
    if (code === 0x0d) return this.options.singleLine ? ' ' : '\n'; // a bare CR would overwrite the line
    if (code === 0x0a) {
      if (wasCr) return ''; // CRLF: the CR already became the newline
      return this.options.singleLine ? ' ' : '\n';
    }
    if (code === 0x09) return this.options.singleLine ? ' ' : '\t';
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f)) return '';
    if (BIDI_AND_INVISIBLE.has(code)) return '';
    if (code === ZWJ) {
      if (this.lastWasPictograph) this.pendingZwj = true;
      return '';
    }
    // No ASCII character is a pictograph: the Unicode property test runs only for the rest.
    const pictograph = code > 0x7f && PICTOGRAPHIC.test(ch);
    let prefix = '';
    if (this.pendingZwj && pictograph) prefix = '\u200d';
    this.pendingZwj = false;
    // Variation selectors and skin tones keep an emoji an emoji.
    if (!(code === 0xfe0f || (code >= 0x1f3fb && code <= 0x1f3ff))) this.lastWasPictograph = pictograph;
    return prefix + ch;
  }
}

/**
 * Printable ASCII (with line feeds and tabs, for whole texts) passes the sanitizer unchanged:
 * nearly every string of a persona file and most of a transcript. Found with one scan instead of
 * the state machine's work per character (measured: a fifth of loading a persona file).
 */
const PLAIN_TEXT = /^[\x20-\x7e\n\t]*$/;
const PLAIN_LINE = /^[\x20-\x7e]*$/;

/** Sanitizes a complete piece of text (newlines and tabs kept). */
export function sanitizeText(text: string): string {
  if (PLAIN_TEXT.test(text)) return text;
  const s = new TerminalSanitizer();
  return s.push(text) + s.flush();
}

/** Sanitizes text for one line of a list or header: newlines and tabs become spaces. */
export function sanitizeInline(text: string): string {
  if (PLAIN_LINE.test(text)) return text.replace(/ {2,}/g, ' ').trim();
  const s = new TerminalSanitizer({ singleLine: true });
  return (s.push(text) + s.flush()).replace(/ {2,}/g, ' ').trim();
}

/**
 * Sanitizes a key name of untrusted JSON (a label when printed): escape sequences, control and
 * invisible characters go; nothing else changes, so a clean key stays byte-for-byte the same.
 */
export function sanitizeKey(key: string): string {
  if (PLAIN_LINE.test(key)) return key;
  const s = new TerminalSanitizer({ singleLine: true });
  return s.push(key) + s.flush();
}
