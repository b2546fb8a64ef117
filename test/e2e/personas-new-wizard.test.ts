import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TmuxTerminal } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { BIN } from '../support/cli.js';

// `persona personas new` on a terminal: the Ink wizard, typed into as a person would.

let term: TmuxTerminal | undefined;
afterEach(() => term?.kill());

function start(home: string): TmuxTerminal {
  return TmuxTerminal.start({ command: [process.execPath, BIN, 'personas', 'new'], env: { PERSONA_HOME: home }, columns: 100, rows: 30 });
}

async function answer(t: TmuxTerminal, label: string, text: string): Promise<void> {
  await t.waitFor(new RegExp(`^${label} `, 'm'));
  if (text) t.type(text);
  t.press('Enter');
}

describe('persona personas new (wizard)', () => {
  it('asks each field, shows a review, and writes a valid persona that lists', { timeout: 30_000 }, async () => {
    const home = tempDir();
    term = start(home);
    await answer(term, 'Name', '');
    await term.waitFor(/Name is required/);
    term.type('Marta Silva');
    term.press('Enter');
    await answer(term, 'Age', '41');
    await answer(term, 'Gender', '');
    await answer(term, 'Occupation', 'Pharmacist');
    for (const label of ['Industry', 'Location', 'Income', 'Education', 'Family', 'Background', 'Quote']) await answer(term, label, '');
    await answer(term, 'Big Five', '1,2');
    await term.waitFor(/five numbers separated by commas/);
    term.press('BSpace', 'BSpace', 'BSpace');
    term.type('60,80,40,70,30');
    term.press('Enter');
    await answer(term, 'Values', 'patients first; accuracy');
    for (const label of ['Interests', 'Goals', 'Challenges', 'Pain points', 'Motivations', 'Objections', 'Emoji', 'Colour', 'Id'])
      await answer(term, label, '');
    await term.waitFor(/New persona: review/);
    expect(term.screen()).toContain('Marta Silva');
    term.type('y');
    const exit = await term.waitForExit();
    expect(exit).toBe(0);
    const written = JSON.parse(readFileSync(join(home, 'personas', 'marta-silva.json'), 'utf8'));
    expect(written).toMatchObject({
      id: 'marta-silva',
      name: 'Marta Silva',
      baseSelection: { age: 41, occupation: 'Pharmacist' },
      psychographics: { values: ['patients first', 'accuracy'], personalityTraits: { openness: 60, neuroticism: 30 } },
    });
  });

  it('takes a pasted line with its Enter, clears with Ctrl-U, and splits a list on commas', { timeout: 30_000 }, async () => {
    const home = tempDir();
    term = start(home);
    await term.waitFor(/^Name /m);
    // Text and Enter in one read, as a paste without bracketed-paste mode or a fast typist sends them.
    term.type('Ana Souza\r');
    await term.waitFor(/step 2 of/);
    term.type('wrong age');
    await term.waitFor(/› wrong age/);
    term.press('C-u');
    await term.waitFor(/^›\s*$/m);
    expect(term.screen()).not.toContain('wrong age');
    term.type('52\r');
    for (const label of [
      'Gender',
      'Occupation',
      'Industry',
      'Location',
      'Income',
      'Education',
      'Family',
      'Background',
      'Quote',
      'Big Five',
    ])
      await answer(term, label, '');
    await term.waitFor(/^Values .*commas/m);
    term.type('family, hard work\r');
    for (const label of ['Interests', 'Goals', 'Challenges', 'Pain points', 'Motivations', 'Objections', 'Emoji', 'Colour', 'Id'])
      await answer(term, label, '');
    await term.waitFor(/New persona: review/);
    term.type('y');
    expect(await term.waitForExit()).toBe(0);
    const written = JSON.parse(readFileSync(join(home, 'personas', 'ana-souza.json'), 'utf8'));
    expect(written).toMatchObject({ name: 'Ana Souza', baseSelection: { age: 52 }, psychographics: { values: ['family', 'hard work'] } });
  });

  it('Esc cancels without writing anything', { timeout: 15_000 }, async () => {
    const home = tempDir();
    term = start(home);
    await answer(term, 'Name', 'Nobody');
    await term.waitFor(/^Age /m);
    term.press('Escape');
    expect(await term.waitForExit()).toBe(0);
    expect(() => readFileSync(join(home, 'personas', 'nobody.json'))).toThrow();
  });
});
