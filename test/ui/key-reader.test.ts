import { describe, expect, it } from 'vitest';
import { KeyReader } from '../../src/ui/input/key-reader.js';
import type { EditorKey } from '../../src/ui/input/keys.js';

const START = '\x1b[200~';
const END = '\x1b[201~';

function describeKeys(keys: EditorKey[]): string[] {
  return keys.map((k) => ('text' in k ? `${k.kind}:${k.text}` : k.kind));
}

describe('KeyReader', () => {
  it('reads a bracketed paste as text, Enter and tabs included, between keys of the same read', () => {
    const reader = new KeyReader();
    expect(describeKeys(reader.read(`\x01${START}one\rtwo\r\nthree\tfour\x07${END}x\r`))).toEqual([
      'home',
      'paste:one\ntwo\nthree\tfour',
      'text:x',
      'submit',
    ]);
  });

  it('keeps a paste going across reads, whatever the markers are split from', () => {
    const reader = new KeyReader();
    expect(describeKeys(reader.read(START))).toEqual([]);
    expect(describeKeys(reader.read('first\r'))).toEqual(['paste:first\n']);
    expect(describeKeys(reader.read('\nsecond\r'))).toEqual(['paste:second\n']); // CRLF split across reads
    expect(describeKeys(reader.read(END))).toEqual([]);
    expect(describeKeys(reader.read('\r'))).toEqual(['submit']); // Enter after the paste sends
  });

  it('waits for the rest of a paste marker cut off at the end of a read', () => {
    const reader = new KeyReader();
    expect(describeKeys(reader.read('ab\x1b[20'))).toEqual(['text:ab']);
    expect(describeKeys(reader.read('0~x\ry\x1b'))).toEqual(['paste:x\ny']);
    expect(describeKeys(reader.read('[201'))).toEqual([]);
    expect(describeKeys(reader.read('~\x17'))).toEqual(['delete-word']);
  });

  it('does not hold back a lone Esc or a sequence that is not a paste marker', () => {
    const reader = new KeyReader();
    expect(describeKeys(reader.read('\x1b'))).toEqual(['escape']);
    expect(describeKeys(reader.read('a\x1b[A'))).toEqual(['text:a', 'up']);
  });
});
