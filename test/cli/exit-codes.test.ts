import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/core/errors.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

// Scripts branch on exit codes, so every code the CLI can exit with is documented where users look.

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const readmeCodes = /Exit codes:([\s\S]*?)\n\n/.exec(README)?.[1] ?? '';

describe('exit codes', () => {
  it('README documents every exit code the CLI uses, voice failures included', () => {
    for (const [name, code] of Object.entries(ExitCode)) {
      if (code === ExitCode.ok || code === ExitCode.failure) continue;
      expect(readmeCodes, `ExitCode.${name}`).toMatch(new RegExp(`\\b${code}\\b`));
    }
    expect(readmeCodes).toMatch(/\b7 voice/);
  });

  it('a voice failure (no transcriber usable) exits with the voice code, not 1', async () => {
    const home = tempDir();
    const audio = new URL('../fixtures/audio/pricing-16k-mono.wav', import.meta.url).pathname;
    const run = await runCli(['ask', 'cfo', '--audio-file', audio, '--transcriber', 'local', '--provider', 'offline'], {
      home,
      env: { PATH: '/nonexistent' },
    });
    expect(run.code).toBe(ExitCode.voice);
    expect(run.stderr).toContain('pocketsphinx');
  });

  it('`persona help ask` shows the help of ask', async () => {
    const home = tempDir();
    const [help, direct] = await Promise.all([runCli(['help', 'ask'], { home }), runCli(['ask', '--help'], { home })]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(direct.stdout);
    expect(help.stdout).toContain('Usage: persona ask');
  });

  it('`sessions show --last` shows the last session, as `export --last` does', async () => {
    const home = tempDir();
    await runCli(['ask', 'cfo', 'What about reconciliation software?', '--seed', '1'], { home });
    const [flag, word] = await Promise.all([
      runCli(['sessions', 'show', '--last', '--json'], { home }),
      runCli(['sessions', 'show', 'last', '--json'], { home }),
    ]);
    expect(flag.code, flag.stderr).toBe(0);
    expect(flag.stdout).toBe(word.stdout);
    const both = await runCli(['sessions', 'show', 'abc', '--last'], { home });
    expect(both.code).toBe(2);
  });

  it('a persona id typed in another case gets a suggestion', async () => {
    const home = tempDir();
    const runs = await Promise.all(['CFO', 'Cfp'].map((id) => runCli(['ask', id, 'hello', '--no-save'], { home })));
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('did you mean "cfo"?');
    }
  });
});
