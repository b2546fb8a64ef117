import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendInputHistory, loadInputHistory } from '../../src/cli/chat/input-history-file.js';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'persona-input-history-')), 'input-history.json');

describe('input history file', () => {
  it('collapses repeats in a row that earlier versions saved', () => {
    const file = freshFile();
    writeFileSync(file, JSON.stringify(['a', 'a', 'b', 'b', 'b', 'a']));
    expect(loadInputHistory(file)).toEqual(['a', 'b', 'a']);
    appendInputHistory(file, 'c');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(['a', 'b', 'a', 'c']);
  });

  it('skips an entry that repeats the newest one', () => {
    const file = freshFile();
    appendInputHistory(file, 'hello');
    appendInputHistory(file, 'hello');
    expect(loadInputHistory(file)).toEqual(['hello']);
  });
});
