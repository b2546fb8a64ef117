import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';

// Recognizable fake keys, one in the environment and one in the config file; every command runs
// (including a 401 whose body echoes the key back, as real APIs do); neither key may appear in any
// output, log, export or database byte. The config file that holds a key is mode 0600.

const ENV_KEY = 'sk-FAKEENVKEY-0123456789abcdefSECRET';
const CONFIG_KEY = 'sk-ant-FAKECONFIGKEY-9876543210SECRET';
const PIECES = [ENV_KEY, CONFIG_KEY, 'FAKEENVKEY-0123456789', 'FAKECONFIGKEY-9876543210'];

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer({ apiKey: 'sk-the-only-accepted-key' });
});
afterAll(() => wire.close());

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

describe('secrets never leak', { timeout: 60_000 }, () => {
  it('fake keys appear in no output, export, log or database byte; config.json is 0600', async () => {
    const home = tempDir();
    const env = { OPENAI_API_KEY: ENV_KEY, OPENAI_BASE_URL: `${wire.url}/v1`, ANTHROPIC_BASE_URL: wire.url, PERSONA_DEBUG: '1' };
    const outputs: Array<[string, CliResult]> = [];
    const run = async (...args: string[]) => {
      const result = await runCli(args, { home, env });
      outputs.push([args.join(' '), result]);
      return result;
    };

    expect((await run('config', 'set', 'anthropic.apiKey', CONFIG_KEY)).code).toBe(0);
    expect(statSync(join(home, 'config.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(home, 'config.json'), 'utf8')).toContain(CONFIG_KEY);

    // Both keys are refused with a 401 that quotes them back.
    expect((await run('ask', 'cfo', 'hello openai', '--provider', 'openai')).code).toBe(4);
    expect((await run('ask', 'cfo', 'hello anthropic', '--provider', 'anthropic')).code).toBe(4);
    await run('ask', 'cfo', 'hello with fallback', '--provider', 'openai', '--fallback', 'offline', '--json');
    await run('ask', 'cfo,icu-nurse', 'a focus group', '--provider', 'anthropic');
    await run('ask', 'cfo', 'offline turn');
    for (const args of [
      ['config', 'list'],
      ['config', 'list', '--json'],
      ['config', 'get', 'anthropic.apiKey'],
      ['config', 'path'],
      ['sessions', 'list', '--json'],
      ['sessions', 'show', 'last', '--json'],
      ['sessions', 'search', 'hello'],
      ['stats', '--json'],
      ['stats'],
      ['personas', 'list'],
      ['personas', 'prompt', 'cfo'],
      ['--help'],
    ])
      await run(...args);
    for (const format of ['md', 'json', 'html', 'txt'])
      expect((await run('export', '--last', '--format', format, '-o', join(home, `transcript.${format}`))).code).toBe(0);
    expect((await run('config', 'unset', 'anthropic.apiKey')).code).toBe(0);

    // The keys did reach the server, so the test would notice a leak if one existed.
    expect(wire.requests.some((r) => r.headers.authorization === `Bearer ${ENV_KEY}`)).toBe(true);
    expect(wire.requests.some((r) => r.format === 'anthropic' && Object.values(r.headers).some((v) => v.includes(CONFIG_KEY)))).toBe(true);
    expect(outputs.length).toBeGreaterThanOrEqual(23);
    for (const [command, result] of outputs) {
      for (const piece of PIECES) expect(result.stdout + result.stderr, `${command} printed a key`).not.toContain(piece);
    }
    const files = filesUnder(home);
    expect(files.some((f) => f.endsWith('persona.db'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1');
      for (const piece of PIECES) expect(bytes, `${file} holds a key`).not.toContain(piece);
    }
  });
});
