import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phrasebookFor } from '../../src/providers/offline/realize/phrasebook.js';
import { speakerOf } from '../../src/providers/offline/realize/index.js';
import { persona } from '../persona/fixtures.js';

// A persona's phrasebook is made once (src/providers/offline/realize/phrasebook.ts): the first
// replies of a fresh server ask for it all at once.

describe('phrasebookFor', () => {
  it('makes one book for requests that arrive together, writes its file once, and hands out the same book after', async () => {
    const ana = persona({ name: 'Ana', occupation: 'Runs a bakery', values: ['Fresh bread every morning'] }, 'ana');
    const cacheDir = mkdtempSync(join(tmpdir(), 'phrasebook-'));
    const speaker = speakerOf(ana);
    const books = await Promise.all(Array.from({ length: 5 }, () => phrasebookFor(ana, speaker, cacheDir)));
    for (const book of books) expect(book).toBe(books[0]);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toHaveLength(0);
    expect(await phrasebookFor(ana, speaker, cacheDir)).toBe(books[0]);
    expect(books[0]!.convert('Runs a bakery', false).text).toMatch(/^I run a bakery/);
  });
});
