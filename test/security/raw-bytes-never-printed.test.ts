import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { HOSTILE_STRINGS } from './persona-corpus.js';
import { unsafeTerminalBytes } from './terminal-bytes.js';

// Text from a model or a file reaches the terminal neutralized: the JSON export on stdout escapes
// C1 controls and bidi overrides (the same JSON value), and a file that is not JSON at all (binary,
// UTF-16) is described, never quoted. Files written with -o keep the original text.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

const C1_AND_BIDI = `plain \u009b31m red \u202eevil\u202c \u2066iso\u2069 end`;

/** A UTF-16LE file with its byte-order mark, as Windows editors save "Unicode" text. */
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('raw bytes never reach the terminal', { timeout: 30_000 }, () => {
  it('export --format json to stdout escapes C1 CSI and bidi overrides; -o keeps the original text', async () => {
    const home = tempDir();
    const env = { OPENAI_API_KEY: 'sk-test-raw', OPENAI_BASE_URL: `${wire.url}/v1` };
    wire.enqueue({ text: C1_AND_BIDI });
    const asked = await runCli(['ask', 'cfo', 'hello', '--provider', 'openai', '--json'], { home, env });
    expect(asked.code, asked.stderr).toBe(0);

    const shown = await runCli(['export', '--last', '--format', 'json'], { home });
    expect(shown.code, shown.stderr).toBe(0);
    expect(unsafeTerminalBytes(shown.stdout)).toBe(0);
    expect(JSON.parse(shown.stdout).messages[1].content).toBe(C1_AND_BIDI);

    const file = join(home, 'session.json');
    expect((await runCli(['export', '--last', '--format', 'json', '-o', file], { home })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(C1_AND_BIDI);
  });

  it('describes binary and UTF-16 persona files instead of echoing their bytes', async () => {
    const home = tempDir();
    const dir = join(home, 'personas');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'binary.json'), Buffer.from([0, 1, 2, 0x9b, 0x33, 0x31, 0x6d, 0x1b, 0x5b, 0x32, 0x4a, 0x41, 0, 0]));
    writeFileSync(join(dir, 'wide.json'), utf16(`{"name":"Ana${HOSTILE_STRINGS[0]}"`));
    writeFileSync(join(dir, 'escape.json'), `{"name": "x" ${HOSTILE_STRINGS[1]}}`);
    const runs = await Promise.all([
      runCli(['personas', 'list'], { home }),
      runCli(['personas', 'validate'], { home }),
      runCli(['ask', 'binary', 'hi'], { home }),
      runCli(['ask', 'wide', 'hi'], { home }),
      runCli(['ask', 'escape', 'hi'], { home }),
    ]);
    for (const run of runs) {
      expect(unsafeTerminalBytes(run.stdout + run.stderr), run.stderr).toBe(0);
      expect(run.stderr).not.toContain('\uFFFD');
    }
    const list = runs[0]!.stderr;
    expect(list).toMatch(/binary\.json: .*binary/);
    expect(list).toMatch(/wide\.json: .*UTF-16/);
    expect(runs[3]!.stderr).toMatch(/save it as UTF-8/);
  });

  it('describes a binary config file instead of echoing its bytes', async () => {
    const home = tempDir();
    writeFileSync(join(home, 'config.json'), Buffer.from([0x7b, 0, 0x9b, 0x31, 0x6d, 0x1b, 0x5d, 0x30, 0x3b, 0x07]));
    const run = await runCli(['config', 'list'], { home });
    expect(run.code).toBe(3);
    expect(unsafeTerminalBytes(run.stderr)).toBe(0);
    expect(run.stderr).toMatch(/config\.json/);
  });
});
