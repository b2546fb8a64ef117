import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandHint, invocationFor } from '../../src/core/invocation.js';
import { BIN, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

// Hints name commands; they must work from where the user ran this one: `persona …` when it is
// on PATH, `npx persona …` after the README's install (npx), `node <path> …` otherwise.

describe('hints print the command the way it runs from here', () => {
  it('says `persona` when PATH has it, `npx persona` under npx, else how node ran it', () => {
    const home = tempDir();
    const bin = join(home, 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'persona'));
    expect(invocationFor({ script: BIN, env: { PATH: bin }, cwd: home })).toBe('persona');
    expect(invocationFor({ script: BIN, env: { PATH: '/nonexistent', npm_command: 'exec' }, cwd: home })).toBe('npx persona');
    expect(invocationFor({ script: BIN, env: { PATH: '/nonexistent' }, cwd: home })).toBe(`node ${BIN}`);
  });

  it('says `npx persona` under npx although npx put node_modules/.bin, with persona in it, on the PATH it runs us with', () => {
    const clone = tempDir();
    const dotBin = join(clone, 'node_modules', '.bin');
    mkdirSync(dotBin, { recursive: true });
    symlinkSync(BIN, join(dotBin, 'persona'));
    const npxPath = `${dotBin}:/usr/bin:/bin`;
    expect(invocationFor({ script: join(dotBin, 'persona'), env: { PATH: npxPath, npm_command: 'exec' }, cwd: clone })).toBe('npx persona');
  });

  it('rewrites commands only, never the word persona in prose', () => {
    const hint = 'no persona with id "x": see `persona personas list`, or run persona chat cfo';
    expect(commandHint(hint, 'npx persona')).toBe('no persona with id "x": see `npx persona personas list`, or run npx persona chat cfo');
    expect(commandHint(hint, 'persona')).toBe(hint);
  });

  it('the built CLI prints `npx persona …` in a hint when run through npx, `persona …` when on PATH', { timeout: 30_000 }, async () => {
    const home = tempDir();
    const bin = join(home, 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'persona'));
    const [npx, onPath] = await Promise.all([
      // npx runs us with its node_modules/.bin (here, `bin`) first on PATH
      runCli(['ask', 'nobody-here', 'hi'], { home, env: { PATH: bin, npm_command: 'exec' } }),
      runCli(['ask', 'nobody-here', 'hi'], { home, env: { PATH: bin } }),
    ]);
    expect(npx.stderr).toContain('`npx persona personas list`');
    expect(onPath.stderr).toContain('`persona personas list`');
    expect(onPath.stderr).not.toContain('npx');
  });
});
