// Raw terminal input -> what the editor should do. Ink's own key parser cannot tell Backspace
// from Delete, Enter from Alt-Enter reliably, or a paste from typing, so the prompt reads the raw
// input and maps it here. One read can hold several keys (a fast typist, key repeat, tmux
// send-keys, a paste without bracketed-paste mode): splitKeys cuts it into single keys first, so
// each is applied in order and none is lost or typed as text.

export type EditorKey =
  | { kind: 'text'; text: string }
  /** Text from a bracketed paste: inserted as it is, line breaks included, never sent by its newlines. */
  | { kind: 'paste'; text: string }
  | {
      kind:
        | 'submit'
        | 'newline'
        | 'backspace'
        | 'delete'
        | 'delete-word'
        | 'kill-line-start'
        | 'kill-line-end'
        | 'left'
        | 'right'
        | 'word-left'
        | 'word-right'
        | 'home'
        | 'end'
        | 'up'
        | 'down'
        | 'tab'
        | 'escape'
        | 'interrupt'
        | 'eof'
        | 'clear-screen'
        | 'voice'
        | 'paste-start'
        | 'paste-end'
        | 'ignored';
    };

type Kind = Exclude<EditorKey, { text: string }>['kind'];

export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';

const SEQUENCES: Record<string, Kind> = {
  '\r': 'submit',
  '\r\n': 'submit', // Enter on terminals that send CRLF
  '\x1b\r': 'newline', // Alt-Enter (Option-Enter)
  '\x1b\n': 'newline',
  '\n': 'newline', // Ctrl-J
  '\x1b[13;2u': 'newline', // Shift-Enter with the kitty / modifyOtherKeys protocols
  '\x1b[13;3u': 'newline',
  '\x1b[27;2;13~': 'newline',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x1b[3~': 'delete',
  '\x17': 'delete-word', // Ctrl-W
  '\x1b\x7f': 'delete-word', // Alt-Backspace
  '\x1b\b': 'delete-word',
  '\x15': 'kill-line-start', // Ctrl-U
  '\x0b': 'kill-line-end', // Ctrl-K
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x02': 'left', // Ctrl-B
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x06': 'right', // Ctrl-F
  '\x1b[1;5D': 'word-left',
  '\x1b[1;3D': 'word-left',
  '\x1bb': 'word-left', // Alt-B
  '\x1b[1;5C': 'word-right',
  '\x1b[1;3C': 'word-right',
  '\x1bf': 'word-right', // Alt-F
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[7~': 'home',
  '\x01': 'home', // Ctrl-A
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[8~': 'end',
  '\x05': 'end', // Ctrl-E
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x10': 'up', // Ctrl-P
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x0e': 'down', // Ctrl-N
  '\t': 'tab',
  '\x1b': 'escape',
  '\x1b\x1b': 'escape',
  '\x03': 'interrupt', // Ctrl-C
  '\x04': 'eof', // Ctrl-D
  '\x0c': 'clear-screen', // Ctrl-L
  '\x12': 'voice', // Ctrl-R: record a message by voice
  [PASTE_START]: 'paste-start',
  [PASTE_END]: 'paste-end',
};

/** Maps one key, as splitKeys cut it, to an editor key. */
export function parseKey(sequence: string): EditorKey {
  const known = SEQUENCES[sequence] ?? withoutModifiers(sequence);
  if (known) return { kind: known };
  // Function keys and controls we do not use; never text, so they cannot reach the screen.
  if (CONTROL.test(sequence)) return { kind: 'ignored' };
  return { kind: 'text', text: sequence };
}

/** Every key in one read, in order. Stateless: a bracketed paste's markers come back as keys. */
export function parseKeys(raw: string): EditorKey[] {
  return splitKeys(raw).map(parseKey);
}

/**
 * Cuts a read into keys: each control byte alone (CR LF together), each escape sequence whole
 * (CSI with any parameters, SS3, Alt-key, Esc Esc), and each run of printable text as one piece.
 */
export function splitKeys(raw: string): string[] {
  const keys: string[] = [];
  let index = 0;
  while (index < raw.length) {
    const code = raw.codePointAt(index)!;
    let end: number;
    if (code === 0x1b) end = escapeEnd(raw, index);
    else if (code === 0x0d && raw[index + 1] === '\n') end = index + 2;
    else if (isControl(code)) end = index + 1;
    else end = textEnd(raw, index);
    keys.push(raw.slice(index, end));
    index = end;
  }
  return keys;
}

/** Pasted text keeps its line breaks (CRLF and CR become LF) and tabs; other controls go. */
export function cleanPasted(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

const CONTROL = /[\x00-\x1f\x7f-\x9f]/;

/** C0 controls, DEL and C1 controls: never text. */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

function textEnd(raw: string, from: number): number {
  let index = from;
  while (index < raw.length) {
    const code = raw.codePointAt(index)!;
    if (isControl(code)) break;
    index += code > 0xffff ? 2 : 1;
  }
  return index;
}

function escapeEnd(raw: string, start: number): number {
  const next = raw[start + 1];
  if (next === undefined) return start + 1;
  if (next === '[' || next === 'O') return controlSequenceEnd(raw, start, 1) ?? start + 2;
  if (next === '\x1b') {
    // Esc Esc: alone it is one Esc; before a sequence it is Alt plus that key (some terminals).
    return controlSequenceEnd(raw, start, 2) ?? start + 2;
  }
  // Esc then a control key we give no Alt meaning (Esc Ctrl-C in one read): two keys, not one
  // unknown Alt-Ctrl chord that would swallow both.
  if (isControl(next.charCodeAt(0)) && !SEQUENCES[`\x1b${next}`]) return start + 1;
  // Alt plus one key (Alt-B, Alt-Enter, Alt-Backspace), a whole code point.
  return start + ((raw.codePointAt(start + 1) ?? 0) > 0xffff ? 3 : 2);
}

/**
 * The end of the CSI or SS3 sequence after `prefix` escapes at `start`; the rest of the read when
 * it stops short (an incomplete sequence is one unknown key, not text); undefined if none starts.
 */
function controlSequenceEnd(raw: string, start: number, prefix: number): number | undefined {
  const introducer = raw[start + prefix];
  const payload = start + prefix + 1;
  if (introducer === 'O') {
    if (payload >= raw.length) return raw.length;
    return isFinalByte(raw.charCodeAt(payload)) ? payload + 1 : undefined;
  }
  if (introducer !== '[') return undefined;
  for (let index = payload; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    if (code >= 0x20 && code <= 0x3f) continue; // parameter and intermediate bytes
    if (code === 0x5b && index === payload) continue; // legacy ESC [ [ A function keys
    if (isFinalByte(code)) return index + 1;
    return index; // a control byte cut the sequence short: it stays a key of its own
  }
  return raw.length;
}

function isFinalByte(code: number): boolean {
  return code >= 0x40 && code <= 0x7e;
}

/** Shift/Alt/Ctrl-modified arrows, Home, End and Delete act like the plain key when not mapped above. */
function withoutModifiers(sequence: string): Kind | undefined {
  const letter = /^\x1b\[1;\d+([ABCDHF])$/.exec(sequence);
  if (letter) return SEQUENCES[`\x1b[${letter[1]}`];
  const tilde = /^\x1b\[(\d+);\d+~$/.exec(sequence);
  if (tilde) return SEQUENCES[`\x1b[${tilde[1]}~`];
  return undefined;
}
