import { TerminalSanitizer } from '../../core/sanitize.js';

// Turns a reply's raw deltas into (a) finished pieces that can go into Ink's <Static> and be
// rendered as Markdown once, and (b) the short live tail still being written. Splitting keeps the
// live area shorter than the terminal: Ink redraws the whole screen when its dynamic area is
// taller than the terminal, and re-wraps the whole live text on every update.
//
// Pieces end at paragraph boundaries (a blank line followed by a line that is not indented, so a
// list item's continuation or an indented code block is never cut). When a single paragraph or
// code block grows past the live budget, it is cut at a line break instead; a code block is closed
// in the finished piece and reopened in the live tail so both still render as code.

export interface FinishedPiece {
  /** Markdown text, sanitized, without trailing newlines. */
  text: string;
  /** True when this piece continues the previous one mid-block (no blank line between them). */
  continues: boolean;
}

export interface AssemblerOptions {
  /** Most wrapped lines the live tail may take before it is cut. */
  maxLiveLines: number;
  /** Columns the live text wraps at, for estimating its height. */
  width: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

export class ReplyAssembler {
  private readonly sanitizer = new TerminalSanitizer();
  private tail = '';
  /** Offset in `tail` after the last complete line examined. */
  private scanned = 0;
  /** The opening line of the code block `scanned` is inside, or null. */
  private fenceLine: string | null = null;
  private fenceMarker = '';
  private afterBlank = false;
  private safeSplit = -1;
  private nextContinues = false;

  constructor(private readonly options: AssemblerOptions) {}

  /** The text not yet finished: shown live, plain. */
  get live(): string {
    return this.tail;
  }

  push(delta: string): FinishedPiece[] {
    const clean = this.sanitizer.push(delta);
    if (!clean) return [];
    this.tail += clean;
    this.scan();
    const pieces: FinishedPiece[] = [];
    if (this.safeSplit > 0) pieces.push(this.cut(this.safeSplit, false));
    while (this.liveLines() > this.options.maxLiveLines) {
      const piece = this.forceCut();
      if (!piece) break;
      pieces.push(piece);
    }
    return pieces;
  }

  /** The stream ended: whatever is left, or null when nothing is. */
  finish(): FinishedPiece | null {
    this.tail += this.sanitizer.flush();
    const text = this.tail.replace(/\s+$/, '');
    const piece = text ? { text, continues: this.nextContinues } : null;
    this.tail = '';
    this.scanned = 0;
    return piece;
  }

  private scan(): void {
    let newline = this.tail.indexOf('\n', this.scanned);
    while (newline !== -1) {
      const line = this.tail.slice(this.scanned, newline);
      const blank = line.trim() === '';
      if (this.afterBlank && !blank && this.fenceLine === null && !/^\s/.test(line)) this.safeSplit = this.scanned;
      const fence = FENCE.exec(line);
      if (this.fenceLine === null && fence) {
        this.fenceLine = line;
        this.fenceMarker = fence[1]!;
      } else if (
        this.fenceLine !== null &&
        fence &&
        fence[1]![0] === this.fenceMarker[0] &&
        fence[1]!.length >= this.fenceMarker.length &&
        !fence[2]!.trim()
      ) {
        this.fenceLine = null;
      }
      this.afterBlank = blank && this.fenceLine === null;
      this.scanned = newline + 1;
      newline = this.tail.indexOf('\n', this.scanned);
    }
    // The first character of the next line is enough to know a paragraph has ended.
    const next = this.tail[this.scanned];
    if (this.afterBlank && this.fenceLine === null && next !== undefined && !/\s/.test(next)) this.safeSplit = this.scanned;
  }

  private cut(at: number, continues: boolean): FinishedPiece {
    const piece = { text: this.tail.slice(0, at).replace(/\s+$/, ''), continues: this.nextContinues };
    this.tail = this.tail.slice(at);
    this.scanned -= at;
    this.safeSplit = -1;
    this.nextContinues = continues;
    return piece;
  }

  /** Cuts an over-long paragraph or code block at its last line break (or last space). */
  private forceCut(): FinishedPiece | null {
    if (this.scanned > 0) {
      const open = this.fenceLine;
      const piece = this.cut(this.scanned, true);
      if (open !== null) {
        piece.text += `\n${this.fenceMarker}`;
        this.tail = `${open}\n${this.tail}`;
        this.scanned = open.length + 1;
      }
      this.afterBlank = false;
      return piece;
    }
    // One endless line: cut at its last space, or hard at a width when it has none.
    const space = this.tail.lastIndexOf(' ');
    let at = space > 0 ? space + 1 : this.tail.length - Math.max(10, this.options.width);
    if (at <= 0) return null;
    const code = this.tail.charCodeAt(at - 1);
    if (code >= 0xd800 && code <= 0xdbff) at--; // never between the halves of a surrogate pair
    return this.cut(at, true);
  }

  private liveLines(): number {
    const width = Math.max(10, this.options.width);
    let lines = 0;
    for (const line of this.tail.split('\n')) lines += Math.max(1, Math.ceil(line.length / width));
    return lines;
  }
}
