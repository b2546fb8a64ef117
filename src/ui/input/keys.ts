// Raw terminal input -> what the editor should do. Ink's own key parser cannot tell Backspace
// from Delete, Enter from Alt-Enter reliably, or a paste from typing, so the prompt reads the raw
// sequences Ink's input parser has already split apart and maps them here.

export type EditorKey =
  | { kind: 'text'; text: string }
  /** Text that ended with Enter in one read (fast typing, or a one-line paste with its newline). */
  | { kind: 'text-then-submit'; text: string }
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

const SEQUENCES: Record<string, Kind> = {
  '\r': 'submit',
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
  '\x1b[200~': 'paste-start',
  '\x1b[201~': 'paste-end',
};

/** Maps one input event (as Ink's parser split it) to an editor key. */
export function parseKey(raw: string): EditorKey {
  const known = SEQUENCES[raw];
  if (known) return { kind: known };
  if (raw.startsWith('\x1b')) return { kind: 'ignored' }; // function keys and sequences we do not use
  if (raw.length > 1 && /[\r\n]/.test(raw)) {
    const body = raw.slice(0, -1);
    if (raw.endsWith('\r') && !/[\r\n]/.test(body)) return { kind: 'text-then-submit', text: cleanTyped(body) };
    return { kind: 'text', text: cleanPasted(raw) };
  }
  const text = cleanTyped(raw);
  return text ? { kind: 'text', text } : { kind: 'ignored' };
}

/**
 * Like parseKey, for reads that hold several keys: holding Backspace (key repeat) or typing faster
 * than the terminal is read delivers them in one string.
 */
export function parseKeys(raw: string): EditorKey[] {
  if (raw.length > 1 && /^[\x7f\b]+$/.test(raw)) return [...raw].map(() => ({ kind: 'backspace' }) as const);
  return [parseKey(raw)];
}

/** Pasted text keeps its line breaks (CRLF and CR become LF) and tabs; other controls go. */
export function cleanPasted(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

function cleanTyped(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, '');
}
