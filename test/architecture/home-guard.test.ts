import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { personaHome } from '../../src/core/home.js';
import { isRealHomePath } from '../setup/home-guard.js';

// The global guard (test/setup/home-guard.ts, loaded before every test file) keeps tests away from
// the developer's real home folder.

const realHome = userInfo().homedir;

describe('the home-folder guard', () => {
  it('points HOME and PERSONA_HOME at a temp folder, so the app’s default places are temporary', () => {
    expect(homedir()).not.toBe(realHome);
    expect(homedir().startsWith(tmpdir())).toBe(true);
    expect(personaHome().startsWith(tmpdir())).toBe(true);
    expect(personaHome({}).startsWith(tmpdir())).toBe(true);
  });

  it('refuses a write under the real home folder, sync, async or by opening a file for writing', async () => {
    const target = join(realHome, `persona-guard-${process.pid}`, 'x.txt');
    expect(() => writeFileSync(target, 'no')).toThrow(/real home folder/);
    expect(() => mkdirSync(join(realHome, `persona-guard-${process.pid}`))).toThrow(/real home folder/);
    await expect(writeFile(target, 'no')).rejects.toThrow(/real home folder/);
    expect(() => openSync(target, 'a')).toThrow(/real home folder/);
  });

  it('lets writes to temp folders and the repository through', () => {
    expect(isRealHomePath(join(tmpdir(), 'x'))).toBe(false);
    expect(isRealHomePath(join(homedir(), 'notes.md'))).toBe(false);
    expect(isRealHomePath(join(realHome, 'notes.md'))).toBe(true);
  });
});
