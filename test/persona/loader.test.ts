import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/core/errors.js';
import { loadPersonaFile, loadPersonas, resolvePersona } from '../../src/persona/loader.js';
import { tempDir, writeFile } from '../support/temp.js';
import { cardJson, cardPng } from '../cards/card-builders.js';

const good = (extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'Ana Souza', ...extra });

function failureOf(fn: () => unknown): InputFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputFileError) return error;
    throw error;
  }
  throw new Error('expected an InputFileError');
}

describe('loadPersonaFile', () => {
  it('defaults the id to a slug of the file name', () => {
    const dir = tempDir();
    const file = writeFile(join(dir, 'Ana Souza (São Paulo).json'), good());
    expect(loadPersonaFile(file).persona.id).toBe('ana-souza-sao-paulo');
  });

  it('accepts a UTF-8 BOM', () => {
    const file = writeFile(join(tempDir(), 'bom.json'), `\uFEFF${good()}`);
    expect(loadPersonaFile(file).persona.name).toBe('Ana Souza');
  });

  it('reports malformed JSON with line and column', () => {
    const file = writeFile(join(tempDir(), 'broken.json'), '{\n  "name": "Ana",\n  "age": 3,,\n}');
    const error = failureOf(() => loadPersonaFile(file));
    expect(error.message).toMatch(/broken\.json: invalid JSON at line 3, column \d+/);
  });

  it('reports every schema problem in the file with its JSON path and a fix', () => {
    const file = writeFile(
      join(tempDir(), 'bad.json'),
      JSON.stringify({
        name: 'Ana',
        baseSelection: { age: true },
        psychographics: { personalityTraits: { openness: 'high' }, values: [1, 2] },
      }),
    );
    const error = failureOf(() => loadPersonaFile(file));
    const paths = error.issues.map((i) => i.path);
    expect(paths).toContain('baseSelection.age');
    expect(paths).toContain('psychographics.personalityTraits.openness');
    expect(error.message).toContain(`${file}: psychographics.personalityTraits.openness: wrong type (expected number, found a string)`);
  });

  it('says a required field is missing and how to add it', () => {
    const file = writeFile(join(tempDir(), 'noname.json'), JSON.stringify({ baseSelection: { age: 30 } }));
    expect(failureOf(() => loadPersonaFile(file)).message).toBe(`${file}: name: missing (add it: "name": …)`);
  });

  it('rejects a file over 1 MB without reading it as a persona', () => {
    const file = writeFile(join(tempDir(), 'huge.json'), good({ notes: 'x'.repeat(1_100_000) }));
    expect(failureOf(() => loadPersonaFile(file)).message).toMatch(/limit is 1 MB/);
  });

  it('rejects absurd nesting without blowing the stack', () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const file = writeFile(join(tempDir(), 'deep.json'), deep);
    expect(failureOf(() => loadPersonaFile(file)).message).toMatch(/nesting is deeper/);
  });

  it('drops __proto__ and constructor keys without polluting any prototype', () => {
    const file = writeFile(
      join(tempDir(), 'proto.json'),
      '{"name":"Ana","__proto__":{"polluted":true},"baseSelection":{"constructor":{"prototype":{"polluted":true}}}}',
    );
    const { persona, warnings } = loadPersonaFile(file);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(persona.data)).toBe(Object.prototype);
    expect((persona.data as Record<string, unknown>).polluted).toBeUndefined();
    expect(warnings.some((w) => /reserved key/.test(w.message))).toBe(true);
  });

  it('neutralizes control and escape characters in text fields', () => {
    const file = writeFile(join(tempDir(), 'esc.json'), good({ customInputs: { quote: 'hi\u001b]52;c;ZXZpbA==\u0007 there\u202E' } }));
    const { persona, warnings } = loadPersonaFile(file);
    expect(persona.data.customInputs?.quote).toBe('hi there');
    expect(warnings.some((w) => w.path === 'customInputs.quote')).toBe(true);
  });

  it('says which file is missing', () => {
    expect(failureOf(() => loadPersonaFile('/nonexistent/x.json')).message).toBe('/nonexistent/x.json: no such file');
  });

  it('warns about a flat persona but still loads it', () => {
    const { warnings } = loadPersonaFile(writeFile(join(tempDir(), 'flat.json'), good()));
    expect(warnings.map((w) => w.path)).toEqual(['psychographics', 'generatedInsights', 'customInputs.background']);
  });
});

describe('loadPersonas', () => {
  it('loads folders, keeps going past broken files, and names both files of a duplicate id', () => {
    const dir = tempDir();
    writeFile(join(dir, 'a.json'), good({ id: 'same' }));
    writeFile(join(dir, 'b.json'), good({ id: 'same' }));
    writeFile(join(dir, 'c.json'), '{ nope');
    writeFile(join(dir, 'd.json'), good());
    writeFile(join(dir, 'notes.txt'), 'ignored');
    const result = loadPersonas({ shipped: false, userDir: null, paths: [dir] });
    expect(result.personas.map((p) => p.id)).toEqual(['same', 'd']);
    expect(result.failures).toHaveLength(2);
    const duplicate = result.failures.find((f) => f.file.endsWith('b.json'))!;
    expect(duplicate.message).toContain('duplicate id "same", also used by');
    expect(duplicate.message).toContain(join(dir, 'a.json'));
  });

  it('loads the shipped personas and the user folder together', () => {
    const home = tempDir();
    writeFile(join(home, 'mine.json'), good({ id: 'mine' }));
    const result = loadPersonas({ userDir: home });
    expect(result.failures).toEqual([]);
    expect(result.personas.length).toBeGreaterThanOrEqual(9);
    expect(result.personas.find((p) => p.id === 'mine')?.origin).toBe('user');
    expect(result.personas.find((p) => p.id === 'cfo')?.origin).toBe('shipped');
  });
});

describe('resolvePersona', () => {
  it('a same-named file in the user folder does not shadow a shipped persona; the duplicate is reported', () => {
    const dir = tempDir();
    const mine = writeFile(join(dir, 'cfo.json'), good({ id: 'cfo' }));
    expect(resolvePersona('cfo', { userDir: dir }).origin).toBe('shipped');
    expect(loadPersonas({ userDir: dir }).failures.map((f) => f.file)).toEqual([mine]);
  });

  it('finds a persona whose file name differs from its id', () => {
    const dir = tempDir();
    writeFile(join(dir, 'some-file.json'), good({ id: 'real-id' }));
    expect(resolvePersona('real-id', { shipped: false, userDir: dir }).source).toBe(join(dir, 'some-file.json'));
  });

  it('finds by id, by unique prefix, and suggests the closest id when unknown', () => {
    const dir = tempDir();
    writeFile(join(dir, 'margaret.json'), good({ id: 'margaret' }));
    const sources = { shipped: false, userDir: dir };
    expect(resolvePersona('margaret', sources).id).toBe('margaret');
    expect(resolvePersona('marg', sources).id).toBe('margaret');
    let caught: unknown;
    try {
      resolvePersona('margeret', sources);
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).toBe('no persona with id "margeret"');
    expect((caught as { hint: string }).hint).toContain('did you mean "margaret"');
  });
});

describe('resolvePersona: a TinyTroupe agent or a character card where a persona file is expected', () => {
  const agent = () => readFileSync(join(process.cwd(), 'test/fixtures/tinytroupe/Ingrid.agent.json'));

  it('reads an agent as a persona for this run and says how to keep it', () => {
    const file = writeFile(join(tempDir(), 'Ingrid.agent.json'), agent().toString('utf8'));
    const notes: string[] = [];
    const persona = resolvePersona(file, { onNote: (n) => notes.push(n) });
    expect(persona.name).toBe('Ingrid Haugen');
    expect(persona.data.baseSelection?.occupation).toBe('Boatyard owner');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/TinyTroupe agent, read as a persona for this run/);
    expect(notes[0]).toContain(`persona personas import ${JSON.stringify(file)}`);
  });

  it.each([
    ['a V2 card as JSON', 'card.json', () => cardJson(2)],
    ['a V1 card as JSON', 'card-v1.json', () => cardJson(1)],
    ['a V3 card in a PNG', 'card.png', () => cardPng(3)],
  ])('reads %s', (_label, name, bytes) => {
    const dir = tempDir();
    const file = join(dir, name);
    writeFileSync(file, bytes());
    const notes: string[] = [];
    const persona = resolvePersona(file, { onNote: (n) => notes.push(n) });
    expect(persona.name.length).toBeGreaterThan(0);
    expect(persona.data.customInputs?.background).toBeTruthy();
    expect(notes[0]).toMatch(/character card, read as a persona for this run; to keep it, run: persona personas import/);
  });

  it('still refuses a JSON file that is none of these, naming the missing field', () => {
    const file = writeFile(join(tempDir(), 'odd.json'), JSON.stringify({ foo: 1 }));
    expect(failureOf(() => loadPersonaFile(file)).issues[0]?.path).toBe('name');
  });
});

describe('loadPersonaFile: a persona that came from a card', () => {
  it('is read as the persona it is, not as the card it keeps', () => {
    const dir = tempDir();
    const card = join(dir, 'card.json');
    writeFileSync(card, cardJson(2));
    const converted = loadPersonaFile(card).persona;
    const file = writeFile(join(dir, 'seraphina.json'), JSON.stringify(converted.data));
    const { persona, warnings } = loadPersonaFile(file);
    expect(persona.data).toEqual(converted.data);
    expect(warnings.some((w) => w.message.includes('read as a persona for this run'))).toBe(false);
  });
});
