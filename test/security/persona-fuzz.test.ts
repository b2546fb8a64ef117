import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { generateCorpus } from './persona-corpus.js';
import { unsafeTerminalBytes } from './terminal-bytes.js';

// Persona-file fuzzing: a few hundred broken and hostile files through `personas validate` (one
// process for the whole folder) and `ask` (a sample), and through the loader in this process to
// catch prototype pollution.

interface ValidateJson {
  valid: Array<{ file: string }>;
  invalid: Array<{ file: string; issues: Array<{ message: string }> }>;
}

describe('persona-file fuzzing', { timeout: 60_000 }, () => {
  it('`personas validate` over the whole corpus: no crash, every file accounted for, every broken one named with an error', async () => {
    const home = tempDir();
    const corpus = generateCorpus(join(home, 'corpus'));
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(readdirSync(join(home, 'corpus'))).toHaveLength(corpus.length);

    const json = await runCli(['personas', 'validate', join(home, 'corpus'), '--json'], { home, timeoutMs: 50_000 });
    expect(json.code).toBe(3);
    expect(json.stderr).not.toMatch(/unexpected failure/);
    const report = JSON.parse(json.stdout) as ValidateJson;
    const invalid = new Map(report.invalid.map((f) => [f.file, f]));
    const valid = new Set(report.valid.map((f) => f.file));
    for (const entry of corpus) {
      expect(valid.has(entry.file) !== invalid.has(entry.file), `${entry.file} reported exactly once`).toBe(true);
      if (entry.mustFail) expect(invalid.get(entry.file)?.issues.length, `${entry.kind}: ${entry.file}`).toBeGreaterThan(0);
    }

    const text = await runCli(['personas', 'validate', join(home, 'corpus')], { home, timeoutMs: 50_000 });
    expect(text.code).toBe(3);
    for (const entry of corpus.filter((f) => f.mustFail)) expect(text.stdout + text.stderr).toContain(entry.file);
    expect(unsafeTerminalBytes(text.stdout + text.stderr)).toBe(0);
  });

  it('the loader never pollutes Object.prototype and always throws a user error naming the file', async () => {
    const { loadPersonaFile } = await import('../../src/persona/loader.js');
    const { InputFileError } = await import('../../src/core/errors.js');
    const corpus = generateCorpus(join(tempDir(), 'corpus'));
    for (const entry of corpus) {
      try {
        loadPersonaFile(entry.file);
        expect(entry.mustFail, `${entry.kind} loaded: ${entry.file}`).toBe(false);
      } catch (error) {
        expect(error, `${entry.kind}: ${entry.file}`).toBeInstanceOf(InputFileError);
        expect((error as Error).message).toContain(entry.file);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('`ask` on a sample: a named error (exit 3) for broken files, a sanitized reply for hostile ones, never a crash or hang', async () => {
    const home = tempDir();
    const corpus = generateCorpus(join(home, 'corpus'));
    const sample = [
      'truncated',
      'wrong-type',
      'binary',
      'not-an-object',
      'deep-unclosed',
      'deep-nesting',
      'proto',
      'control-bidi',
      'huge-string',
      'bad-id',
    ].map((kind) => corpus.find((f) => f.kind === kind)!);
    const results = await Promise.all(
      sample.map((entry) => runCli(['ask', entry.file, 'Who are you?', '--no-save'], { home, timeoutMs: 20_000 })),
    );
    for (const [i, result] of results.entries()) {
      const entry = sample[i]!;
      expect(result.stderr, entry.kind).not.toMatch(/unexpected failure/);
      expect(unsafeTerminalBytes(result.stdout + result.stderr), entry.kind).toBe(0);
      if (entry.mustFail) {
        expect(result.code, entry.kind).toBe(3);
        expect(result.stderr).toContain(entry.file);
      } else {
        expect([0, 3], `${entry.kind}: ${result.stderr}`).toContain(result.code);
        if (result.code === 3) expect(result.stderr).toContain(entry.file);
      }
    }
  });
});
