import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readPngChunks, textChunk, encodePng } from '../../src/persona/cards/png-chunks.js';
import { base64Json, cardObject } from '../cards/card-builders.js';
import { avatarPng } from '../../src/persona/cards/avatar.js';
import { unsafeTerminalBytes } from '../security/terminal-bytes.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

// Persona files, cards and TinyTroupe agents through the built CLI.

const TIMEOUT = 60_000;
const ESC = '\u001b';
const HOSTILE_KEY = `x${ESC}]52;c;aGVsbG8=\u0007y`;

function hostilePersonaDir(): string {
  const dir = tempDir();
  const persona = {
    id: 'hostile',
    name: `Eve${ESC}[2J`,
    baseSelection: { [HOSTILE_KEY]: `value${ESC}]0;title\u0007`, [`\u202e${ESC}[31mlabel`]: true },
    [HOSTILE_KEY]: [{ [`k${ESC}[1A`]: 'v' }],
    chatProfile: { [`tone${ESC}[5m`]: `dry${ESC}[0m` },
    psychographics: { values: ['calm'] },
  };
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(persona));
  return dir;
}

describe('hostile persona files', () => {
  it(
    'put 0 escape bytes on the terminal from any key or value, in every command that shows a persona',
    async () => {
      const dir = hostilePersonaDir();
      const home = tempDir();
      const file = join(dir, 'hostile.json');
      const runs = [
        ['personas', 'list', dir],
        ['personas', 'show', file],
        ['personas', 'show', file, '--json'],
        ['personas', 'prompt', file],
        ['personas', 'prompt', file, '--json'],
        ['personas', 'validate', dir],
        ['personas', 'validate', dir, '--json'],
        ['personas', 'export', file],
        ['personas', 'export', file, '--format', 'tinytroupe'],
      ];
      for (const args of runs) {
        const result = await runCli(args, { home, timeoutMs: TIMEOUT });
        expect(result.code, args.join(' ')).toBe(0);
        expect(unsafeTerminalBytes(result.stdout + result.stderr), args.join(' ')).toBe(0);
      }
      const shown = await runCli(['personas', 'show', file], { home });
      expect(shown.stdout).toContain('Xy:');
    },
    TIMEOUT * 4,
  );
});

describe('cards and agents through the CLI', () => {
  it(
    "imports a PNG card and exports it into the card's own art, unknown chunks kept",
    async () => {
      const home = tempDir();
      const dir = tempDir();
      const art = readPngChunks(avatarPng('Original Art', '#aa3300'));
      if (!art.ok) throw new Error('bad fixture');
      const extra = { type: 'zzZz', data: Buffer.from('private chunk of the card tool') };
      const png = encodePng([
        ...art.chunks.filter((c) => c.type !== 'IEND'),
        extra,
        textChunk('chara', base64Json(cardObject(2))),
        { type: 'IEND', data: Buffer.alloc(0) },
      ]);
      const file = join(dir, 'sera.png');
      writeFileSync(file, png);
      expect((await runCli(['personas', 'import', file], { home, timeoutMs: TIMEOUT })).code).toBe(0);
      const out = join(dir, 'back.png');
      const exported = await runCli(['personas', 'export', 'seraphina', '-f', 'card-png', '-o', out], { home, timeoutMs: TIMEOUT });
      expect(exported.code).toBe(0);
      expect(exported.stderr).toContain('picture: its picture');
      const back = readPngChunks(readFileSync(out));
      if (!back.ok) throw new Error('bad export');
      const idat = (chunks: Array<{ type: string; data: Buffer }>) =>
        Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
      expect(idat(back.chunks).equals(idat(art.chunks))).toBe(true);
      expect(back.chunks.some((c) => c.type === 'zzZz' && c.data.equals(extra.data))).toBe(true);
    },
    TIMEOUT * 2,
  );

  it(
    'imports a TinyTroupe agent with a fragment, and exports an agent back field for field',
    async () => {
      const home = tempDir();
      const fixtures = join(import.meta.dirname, '..', 'fixtures', 'tinytroupe');
      const agentFile = join(fixtures, 'Ingrid.agent.json');
      const plain = await runCli(['personas', 'import', agentFile, '--json'], { home, timeoutMs: TIMEOUT });
      expect(plain.code).toBe(0);
      expect(JSON.parse(plain.stdout).imported[0]).toMatchObject({ id: 'ingrid-haugen', spec: 'tinytroupe' });
      const back = await runCli(['personas', 'export', 'ingrid-haugen', '--format', 'tinytroupe'], { home, timeoutMs: TIMEOUT });
      expect(isDeepStrictEqual(JSON.parse(back.stdout), JSON.parse(readFileSync(agentFile, 'utf8')))).toBe(true);
      const merged = await runCli(
        ['personas', 'import', agentFile, '--fragment', join(fixtures, 'winter_trader.fragment.json'), '--id', 'ingrid-winter'],
        { home, timeoutMs: TIMEOUT },
      );
      expect(merged.code).toBe(0);
      const prompt = await runCli(['personas', 'prompt', 'ingrid-winter'], { home, timeoutMs: TIMEOUT });
      expect(prompt.stdout).toContain('Ice fishing');
      expect(prompt.stdout).toContain('After the conversation history');
      const wrong = await runCli(['personas', 'import', join(fixtures, 'winter_trader.fragment.json')], { home, timeoutMs: TIMEOUT });
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('--fragment');
    },
    TIMEOUT * 5,
  );
});
