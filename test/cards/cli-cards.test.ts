import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { cardJson, cardObject, cardPng, LORE_TEXT, pngWithText } from './card-builders.js';

// `persona personas import/export` and chatting with an imported card, through the built CLI.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

function cardFile(dir: string, name: string, bytes: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('persona personas import', () => {
  it('writes a persona from a JSON card and a PNG card, and reports JSON', async () => {
    const home = tempDir();
    const dir = tempDir();
    const json = cardFile(dir, 'sera.json', cardJson(2));
    const png = cardFile(dir, 'sera3.png', cardPng(3));
    const first = await runCli(['personas', 'import', json, '--json'], { home });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).imported[0]).toMatchObject({
      id: 'seraphina',
      spec: 'chara_card_v2',
      container: 'JSON',
      path: join(home, 'personas', 'seraphina.json'),
    });
    const second = await runCli(['personas', 'import', png, '--id', 'sera-v3'], { home });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Seraphina (V3 card, PNG tEXt "ccv3")');
    const shown = JSON.parse((await runCli(['personas', 'show', 'sera-v3', '--json'], { home })).stdout);
    expect(shown.persona.characterCard.data.nickname).toBe('Sera');
  });

  it('refuses to overwrite without --force, and prints without writing under --dry-run', async () => {
    const home = tempDir();
    const file = cardFile(tempDir(), 'sera.json', cardJson(1));
    expect((await runCli(['personas', 'import', file], { home })).code).toBe(0);
    const again = await runCli(['personas', 'import', file], { home });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${join(home, 'personas', 'seraphina.json')} already exists`);
    expect((await runCli(['personas', 'import', file, '--force'], { home })).code).toBe(0);
    const dryHome = tempDir();
    const dry = await runCli(['personas', 'import', file, '--dry-run'], { home: dryHome });
    expect(JSON.parse(dry.stdout)).toMatchObject({ id: 'seraphina', name: 'Seraphina', characterCard: { spec: 'chara_card_v1' } });
    expect(existsSync(join(dryHome, 'personas'))).toBe(false);
  });

  it('names each bad file, imports the good ones and exits 3', async () => {
    const home = tempDir();
    const dir = tempDir();
    const bad = cardFile(dir, 'plain.png', pngWithText([['Comment', 'a photo']]));
    const good = cardFile(dir, 'sera.png', cardPng(2));
    const { code, stderr, stdout } = await runCli(['personas', 'import', bad, good], { home });
    expect(code).toBe(3);
    expect(stderr).toContain(`${bad}: PNG has no character card in it`);
    expect(stdout).toContain('Seraphina (V2 card, PNG tEXt "chara")');
    expect(existsSync(join(home, 'personas', 'seraphina.json'))).toBe(true);
  });
});

describe('persona personas export', () => {
  it('writes a V2 card to stdout and a PNG card that imports back to the same persona', async () => {
    const home = tempDir();
    const out = tempDir();
    const json = await runCli(['personas', 'export', 'cfo', '--format', 'card-json'], { home });
    expect(json.code).toBe(0);
    const card = JSON.parse(json.stdout);
    expect(card).toMatchObject({
      spec: 'chara_card_v2',
      data: { name: 'Diane Kowalczyk', first_mes: 'I have about twenty minutes. What are we looking at?' },
    });
    const png = join(out, 'cfo.png');
    const exported = await runCli(['personas', 'export', 'cfo', '-f', 'card-png', '-o', png], { home });
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain('picture: a generated tile');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    const other = tempDir();
    expect((await runCli(['personas', 'import', png, '--id', 'cfo-copy'], { home: other })).code).toBe(0);
    const original = JSON.parse((await runCli(['personas', 'show', 'cfo', '--json'], { home })).stdout).persona;
    const copy = JSON.parse((await runCli(['personas', 'show', 'cfo-copy', '--json'], { home: other })).stdout).persona;
    expect(copy).toEqual({ ...original, id: 'cfo-copy' });
    expect((await runCli(['personas', 'export', 'cfo', '-f', 'card-png', '-o', png], { home })).code).toBe(2);
  });
});

describe('chatting with an imported card', () => {
  async function homeWithCard(): Promise<string> {
    const home = tempDir();
    const file = cardFile(tempDir(), 'sera.json', cardJson(2));
    expect((await runCli(['personas', 'import', file], { home })).code).toBe(0);
    return home;
  }
  const openaiEnv = () => ({ OPENAI_API_KEY: 'sk-test-cards', OPENAI_BASE_URL: `${wire.url}/v1` });
  const systemOf = (i: number) => JSON.stringify(wire.requests[i]!.body.messages[0]);

  it('sends lorebook text to the model only when a key is mentioned, and never the creator notes', async () => {
    const home = await homeWithCard();
    wire.enqueue({ text: 'It glows.' }, { text: 'Welcome.' });
    const withKey = await runCli(['ask', 'seraphina', 'Why', 'does', 'your', 'amulet', 'glow?', '--provider', 'openai', '--no-save'], {
      home,
      env: openaiEnv(),
    });
    expect(withKey.code).toBe(0);
    expect(withKey.stdout.trim()).toBe('It glows.');
    const without = await runCli(['ask', 'seraphina', 'Where', 'am', 'I?', '--provider', 'openai', '--no-save'], {
      home,
      env: openaiEnv(),
    });
    expect(without.code).toBe(0);
    const lore = LORE_TEXT.replace('{{char}}', 'Seraphina');
    expect(systemOf(0)).toContain(lore);
    expect(systemOf(1)).not.toContain(lore);
    for (const i of [0, 1]) {
      expect(systemOf(i)).toContain('You are Seraphina, speaking with User.');
      expect(systemOf(i)).toContain('You are safe now, User.');
      expect(systemOf(i)).not.toMatch(/SECRET-|\{\{char\}\}/);
    }
  });

  it('matches a lorebook key written as a pattern (RE2 loads only then) and warns about one RE2 cannot run', async () => {
    const card = cardObject(2) as { data: { character_book: { entries: Array<Record<string, unknown>> } } };
    const book = card.data.character_book;
    book.entries = [
      { ...book.entries[0], keys: ['/moon\\s?stone|amul[e3]t/i'] },
      { keys: ['/(a)\\1/'], content: 'never used', extensions: {}, enabled: true, insertion_order: 1 },
    ];
    const home = tempDir();
    const imported = await runCli(['personas', 'import', cardFile(tempDir(), 'sera.json', Buffer.from(JSON.stringify(card)))], { home });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/regex key "\/\(a\)\\\\1\/" skipped/);
    wire.enqueue({ text: 'It glows.' });
    const asked = await runCli(['ask', 'seraphina', 'Why', 'does', 'your', 'AMUL3T', 'glow?', '--provider', 'openai', '--no-save'], {
      home,
      env: openaiEnv(),
    });
    expect(asked.code).toBe(0);
    expect(systemOf(0)).toContain(LORE_TEXT.replace('{{char}}', 'Seraphina'));
  });

  it('greets with the card first message in the offline engine', async () => {
    const home = await homeWithCard();
    const { code, stdout } = await runCli(['ask', 'seraphina', 'hello', '--no-save', '--seed', '1'], { home });
    expect(code).toBe(0);
    expect(stdout).toContain('You are safe now, User.');
  });
});
