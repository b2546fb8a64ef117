import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

// No test may touch the real home folder: it holds the developer's own settings, personas and
// history. Every test file runs with HOME (and the XDG and Windows folders, and PERSONA_HOME) pointed
// at a fresh temp folder, which the CLI processes the tests start inherit; in this process, a write
// under the real home folder throws, so the test that tried it fails; and after each file, the
// places the app would write to under the real home must be as they were.

const REAL_HOME = resolve(userInfo().homedir); // from the user database: HOME does not change it
const REPO = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const TEMP = resolve(tmpdir());

const fakeHome = fs.mkdtempSync(join(TEMP, 'persona-test-home-'));
Object.assign(process.env, {
  HOME: fakeHome,
  USERPROFILE: fakeHome,
  APPDATA: join(fakeHome, 'AppData', 'Roaming'),
  XDG_CONFIG_HOME: join(fakeHome, '.config'),
  XDG_DATA_HOME: join(fakeHome, '.local', 'share'),
  XDG_CACHE_HOME: join(fakeHome, '.cache'),
  XDG_STATE_HOME: join(fakeHome, '.local', 'state'),
});
process.env.PERSONA_HOME ??= join(fakeHome, 'persona-home');
// A developer's DATABASE_URL (a PostgreSQL history) reaches neither the tests nor the CLI processes
// they start: a test that wants PostgreSQL names its own database.
delete process.env.DATABASE_URL;

const inside = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);

/** Under the real home, and not in the temp folder or this repository (either may live under home). */
export function isRealHomePath(path: fs.PathLike | number): boolean {
  if (typeof path === 'number') return false;
  const absolute = resolve(path instanceof URL ? fileURLToPath(path) : path.toString());
  return inside(absolute, REAL_HOME) && !inside(absolute, TEMP) && !inside(absolute, REPO);
}

const refusal = (path: fs.PathLike) =>
  new Error(`a test wrote under the real home folder (${String(path)}): use a temp folder (test/support/temp.ts)`);
function refuse(path: fs.PathLike): never {
  throw refusal(path);
}

/** The fs calls that create, change or delete something, by the argument(s) that name a path. */
const WRITERS: Record<string, number[]> = {
  writeFileSync: [0],
  appendFileSync: [0],
  mkdirSync: [0],
  mkdtempSync: [0],
  rmSync: [0],
  rmdirSync: [0],
  unlinkSync: [0],
  renameSync: [0, 1],
  copyFileSync: [1],
  cpSync: [1],
  symlinkSync: [1],
  linkSync: [1],
  chmodSync: [0],
  utimesSync: [0],
  truncateSync: [0],
  createWriteStream: [0],
  writeFile: [0],
  appendFile: [0],
  mkdir: [0],
  mkdtemp: [0],
  rm: [0],
  rmdir: [0],
  unlink: [0],
  rename: [0, 1],
  copyFile: [1],
  cp: [1],
};
const WRITE_FLAGS = /[wa+]/;

function guard<T extends object>(target: T, names: Record<string, number[]>, promises = false): void {
  const record = target as Record<string, unknown>;
  for (const [name, positions] of Object.entries(names)) {
    const original = record[name];
    if (typeof original !== 'function') continue;
    record[name] = function guarded(this: unknown, ...args: unknown[]) {
      for (const at of positions) {
        if (!isRealHomePath(args[at] as fs.PathLike)) continue;
        if (promises) return Promise.reject(refusal(args[at] as fs.PathLike));
        refuse(args[at] as fs.PathLike);
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}

guard(fs, WRITERS);
guard(fs.promises, WRITERS, true);
for (const name of ['openSync', 'open'] as const) {
  const original = fs[name] as (...args: unknown[]) => unknown;
  (fs as unknown as Record<string, unknown>)[name] = function guardedOpen(this: unknown, ...args: unknown[]) {
    const flags = typeof args[1] === 'string' ? args[1] : typeof args[1] === 'number' ? 'w' : 'r';
    if (WRITE_FLAGS.test(flags) && isRealHomePath(args[0] as fs.PathLike)) refuse(args[0] as fs.PathLike);
    return original.apply(this, args);
  };
}
syncBuiltinESMExports();

/** Where the app would put its files under the real home, on any platform. */
const APP_PLACES = [
  join(REAL_HOME, '.local', 'share', 'persona-chat'),
  join(REAL_HOME, '.config', 'persona-chat'),
  join(REAL_HOME, '.config', 'persona-chat-nodejs'),
  join(REAL_HOME, 'Library', 'Application Support', 'persona-chat'),
  join(REAL_HOME, 'Library', 'Preferences', 'persona-chat-nodejs'),
  join(REAL_HOME, 'AppData', 'Roaming', 'persona-chat'),
];

function snapshot(): string[] {
  return APP_PLACES.flatMap((place) => {
    try {
      const stat = fs.statSync(place);
      return [`${place} ${stat.mtimeMs}`];
    } catch {
      return [];
    }
  });
}

const before = snapshot();
afterAll(() => {
  expect(snapshot(), 'a test (or a CLI it started) wrote the app’s files under the real home folder').toEqual(before);
  fs.rmSync(fakeHome, { recursive: true, force: true });
});
