import { describe, expect, it } from 'vitest';
import { TerminalSanitizer, sanitizeInline, sanitizeKey, sanitizeText } from '../../src/core/sanitize.js';

const ESC = '\x1b';

describe('sanitizeText', () => {
  it('removes CSI colour and cursor sequences whole, keeping the text around them', () => {
    expect(sanitizeText(`a${ESC}[31mred${ESC}[0m b${ESC}[2J${ESC}[1;1H`)).toBe('ared b');
  });

  it('removes OSC 52 clipboard writes and OSC 8 hyperlinks, with BEL or ST terminators', () => {
    expect(sanitizeText(`x${ESC}]52;c;ZXZpbA==\x07y`)).toBe('xy');
    expect(sanitizeText(`${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`)).toBe('click');
    expect(sanitizeText(`${ESC}]0;new title\x07ok`)).toBe('ok');
  });

  it('removes C1 controls, including the 8-bit CSI and OSC introducers', () => {
    expect(sanitizeText('a\u009b31mb\u009d52;c;xx\u009cc\u0085d')).toBe('abcd');
  });

  it('removes C0 controls but keeps newlines and tabs; a bare CR becomes a newline', () => {
    expect(sanitizeText('a\x00b\x07c\x08d\te\nf')).toBe('abcd\te\nf');
    expect(sanitizeText('line1\r\nline2\rfake')).toBe('line1\nline2\nfake');
  });

  it('removes bidi overrides and zero-width characters', () => {
    expect(sanitizeText('safe\u202Etxt.exe\u200B\u2066x\u2069\uFEFF')).toBe('safetxt.exex');
  });

  it('keeps emoji sequences joined by ZWJ, and drops a ZWJ between letters', () => {
    const family = '👨\u200d👩\u200d👧';
    expect(sanitizeText(family)).toBe(family);
    expect(sanitizeText('a\u200db')).toBe('ab');
  });

  it('keeps ordinary Unicode text', () => {
    const text = 'Grüße, 東京 — “quotes” ✓ 📊';
    expect(sanitizeText(text)).toBe(text);
  });

  it('stops swallowing at a newline when an OSC never ends', () => {
    expect(sanitizeText(`${ESC}]52;c;unterminated\nvisible`)).toBe('\nvisible');
  });
});

describe('TerminalSanitizer across chunks', () => {
  it('removes a sequence split across every possible chunk boundary', () => {
    const input = `before${ESC}]52;c;aGVsbG8=\x07mid${ESC}[1;31mred${ESC}[0mafter`;
    for (let cut = 0; cut <= input.length; cut++) {
      const s = new TerminalSanitizer();
      const out = s.push(input.slice(0, cut)) + s.push(input.slice(cut)) + s.flush();
      expect(out, `cut at ${cut}`).toBe('beforemidredafter');
    }
  });

  it('handles one character per chunk', () => {
    const s = new TerminalSanitizer();
    let out = '';
    for (const ch of `a${ESC}[38;5;196mb${ESC}]8;;http://x${ESC}\\c`) out += s.push(ch);
    expect(out + s.flush()).toBe('abc');
  });
});

describe('sanitizeInline', () => {
  it('folds newlines and tabs to single spaces', () => {
    expect(sanitizeInline('a\n\tb  c\r\nd')).toBe('a b c d');
  });
});

describe('the plain-text shortcut', () => {
  // Printable ASCII skips the state machine; it must answer exactly what the state machine does.
  const machine = (text: string, singleLine = false) => {
    const s = new TerminalSanitizer({ singleLine });
    return s.push(text) + s.flush();
  };

  it('gives the state machine’s answer for every ASCII character, alone and between words', () => {
    for (let code = 0; code < 0x80; code++) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `a${ch}b`, `  x${ch}${ch}y  `]) {
        expect(sanitizeText(text), JSON.stringify(text)).toBe(machine(text));
        expect(sanitizeInline(text), JSON.stringify(text)).toBe(machine(text, true).replace(/ {2,}/g, ' ').trim());
        expect(sanitizeKey(text), JSON.stringify(text)).toBe(machine(text, true));
      }
    }
  });

  it('still strips what follows plain text in the same string', () => {
    expect(sanitizeText(`plain words\n\tthen ${ESC}[2Jmore`)).toBe('plain words\n\tthen more');
    expect(sanitizeKey('name\u202e')).toBe('name');
  });
});
