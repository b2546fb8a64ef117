import { cleanPasted, parseKeys, PASTE_END, PASTE_START, type EditorKey } from './keys.js';

/**
 * Turns the prompt's reads into keys, remembering what one read leaves open for the next: whether
 * a bracketed paste is in progress (its text, Enter included, is text until the end marker), and a
 * paste marker cut off at the end of a read. Paste markers can arrive in the same read as typed
 * keys or be split from their text, so they are found here rather than one read at a time.
 */
export class KeyReader {
  private pasting = false;
  /** The start of a paste marker at the end of the last read, waiting for the rest of it. */
  private pending = '';
  /** The last pasted piece ended in CR: an LF opening the next piece belongs to it (CRLF). */
  private pasteEndedInCr = false;

  read(chunk: string): EditorKey[] {
    const keys: EditorKey[] = [];
    // What was held is the start of an escape sequence the terminal sent whole: read it as one.
    const input = this.pending + chunk;
    this.pending = '';
    let index = 0;
    while (index < input.length) {
      const marker = this.pasting ? PASTE_END : PASTE_START;
      const found = input.indexOf(marker, index);
      if (found === -1) {
        const rest = input.slice(index);
        const held = markerPrefixAtEnd(rest, marker, this.pasting ? 1 : 2);
        this.emit(rest.slice(0, rest.length - held), keys);
        this.pending = rest.slice(rest.length - held);
        break;
      }
      this.emit(input.slice(index, found), keys);
      this.pasting = !this.pasting;
      this.pasteEndedInCr = false;
      index = found + marker.length;
    }
    return keys;
  }

  private emit(piece: string, keys: EditorKey[]): void {
    if (!piece) return;
    if (!this.pasting) {
      keys.push(...parseKeys(piece));
      return;
    }
    const body = this.pasteEndedInCr && piece.startsWith('\n') ? piece.slice(1) : piece;
    this.pasteEndedInCr = piece.endsWith('\r');
    const text = cleanPasted(body);
    if (text) keys.push({ kind: 'paste', text });
  }
}

/**
 * How many characters at the end of `text` could be the start of `marker`. Outside a paste a lone
 * Esc at the end is the Esc key (Ink has already waited for the rest of it), so `minimum` is 2.
 */
function markerPrefixAtEnd(text: string, marker: string, minimum: number): number {
  for (let length = Math.min(marker.length - 1, text.length); length >= minimum; length--) {
    if (text.endsWith(marker.slice(0, length))) return length;
  }
  return 0;
}
