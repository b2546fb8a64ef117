import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir, writeFile } from '../support/temp.js';

// Every `persona personas …` command through the built CLI: exit codes and output.

describe('persona --version and --help', () => {
  it('prints the package version', async () => {
    const { code, stdout } = await runCli(['--version'], { home: tempDir() });
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it('shows help with the commands and examples, and exits 2 on an unknown command', async () => {
    const help = await runCli(['--help'], { home: tempDir() });
    expect(help.code).toBe(0);
    for (const word of ['chat', 'ask', 'personas', 'sessions', 'export', 'config', 'Examples:']) expect(help.stdout).toContain(word);
    const bad = await runCli(['personaz'], { home: tempDir() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown command|personas/);
  });
});

describe('usage errors from the parser', () => {
  it('exit 2 at every level: a bad choice, an unknown option, a missing argument, an unknown subcommand', async () => {
    const home = tempDir();
    for (const args of [
      ['ask', '--provider', 'gemini', 'cfo', 'hi'],
      ['ask', 'cfo', '--bogus', 'hi'],
      ['personas', 'prompt'],
      ['personas', 'lst'],
    ]) {
      const { code, stderr } = await runCli(args, { home });
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^error: /);
    }
  });

  it('a --color flag of ours does not force escape codes into a pipe', async () => {
    const { code, stdout } = await runCli(['personas', 'new', '--name', 'Zed', '--color', '#ff0000'], { home: tempDir() });
    expect(code).toBe(0);
    expect(stdout).not.toContain('\u001b');
  });
});

describe('persona personas list', () => {
  it('lists the shipped personas with id, name and summary', async () => {
    const { code, stdout } = await runCli(['personas', 'list'], { home: tempDir() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^cfo\s+📊 Diane Kowalczyk\s+Chief Financial Officer/m);
    expect(stdout.trim().split('\n').length).toBeGreaterThanOrEqual(8);
  });

  it('prints JSON with the source file of each persona, including the user folder', async () => {
    const home = tempDir();
    writeFile(join(home, 'personas', 'mine.json'), JSON.stringify({ name: 'My Persona', baseSelection: { occupation: 'Baker' } }));
    const { code, stdout } = await runCli(['personas', 'list', '--json'], { home });
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as Array<{ id: string; source: string; origin: string; summary: string }>;
    const mine = list.find((p) => p.id === 'mine')!;
    expect(mine).toMatchObject({ origin: 'user', summary: 'Baker', source: join(home, 'personas', 'mine.json') });
    expect(list.find((p) => p.id === 'cfo')?.origin).toBe('shipped');
  });

  it('skips a broken file with a warning naming it, and lists the rest', async () => {
    const home = tempDir();
    writeFile(join(home, 'personas', 'broken.json'), '{"name": ');
    const { code, stdout, stderr } = await runCli(['personas', 'list'], { home });
    expect(code).toBe(0);
    expect(stdout).toContain('cfo');
    expect(stderr).toContain(`${join(home, 'personas', 'broken.json')}: invalid JSON at line 1`);
  });
});

describe('persona personas show / prompt', () => {
  it('shows a persona readably, and as JSON', async () => {
    const home = tempDir();
    const text = await runCli(['personas', 'show', 'cfo'], { home });
    expect(text.code).toBe(0);
    for (const heading of ['Demographics', 'Psychographics', 'Insights', 'Pain points']) expect(text.stdout).toContain(heading);
    const json = await runCli(['personas', 'show', 'cfo', '--json'], { home });
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'cfo', origin: 'shipped', persona: { id: 'cfo', name: 'Diane Kowalczyk' } });
  });

  it('prints the chat profile and the exact system prompt with its token estimate', async () => {
    const { code, stdout } = await runCli(['personas', 'prompt', 'cfo', '--json'], { home: tempDir() });
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { profile: { verbosity: string }; systemPrompt: string; tokens: number };
    expect(out.systemPrompt.startsWith('You are Diane Kowalczyk')).toBe(true);
    expect(out.tokens).toBe(Math.ceil(out.systemPrompt.length / 4));
    expect(['terse', 'brief', 'moderate', 'expansive']).toContain(out.profile.verbosity);
    const human = await runCli(['personas', 'prompt', 'cfo'], { home: tempDir() });
    expect(human.stdout).toContain(`System prompt (~${out.tokens} tokens)`);
    expect(human.stdout).toContain(out.systemPrompt.split('\n')[0]);
  });

  it('an unknown id exits 2 with a suggestion and no stack trace', async () => {
    const { code, stderr } = await runCli(['personas', 'show', 'cfoo'], { home: tempDir() });
    expect(code).toBe(2);
    expect(stderr).toContain('no persona with id "cfoo"');
    expect(stderr).toContain('did you mean "cfo"');
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('never prints escape sequences from a persona file', async () => {
    const home = tempDir();
    const file = writeFile(
      join(home, 'evil.json'),
      JSON.stringify({
        name: 'Evil\u001b[2J\u001b]52;c;cHduZWQ=\u0007 Eve',
        customInputs: { background: 'a\u001b]8;;http://x\u0007link\u001b]8;;\u0007' },
      }),
    );
    const show = await runCli(['personas', 'show', file], { home });
    const prompt = await runCli(['personas', 'prompt', file], { home });
    for (const out of [show.stdout, prompt.stdout, show.stderr]) expect(out).not.toContain('\u001b');
    expect(show.stdout).toContain('Evil Eve');
  });
});

describe('persona personas validate', () => {
  it('passes every shipped persona', async () => {
    const { code, stdout } = await runCli(['personas', 'validate'], { home: tempDir() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\d+ valid, 0 invalid/);
  });

  it('reports every problem in every file as file: path: problem (fix) and exits 3', async () => {
    const dir = tempDir();
    const a = writeFile(join(dir, 'a.json'), JSON.stringify({ name: 'A', baseSelection: { age: 'old', gender: 5 } }));
    const b = writeFile(join(dir, 'b.json'), '{"name": "B",}');
    writeFile(
      join(dir, 'c.json'),
      JSON.stringify({
        name: 'C',
        psychographics: { values: ['x'] },
        generatedInsights: { painPoints: ['y'] },
        customInputs: { background: 'z' },
      }),
    );
    const { code, stdout, stderr } = await runCli(['personas', 'validate', dir], { home: tempDir() });
    expect(code).toBe(3);
    expect(stderr).toContain(`${a}: baseSelection.gender: wrong type (expected string, found a number)`);
    expect(stderr).toMatch(new RegExp(`${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid JSON at line 1, column \\d+`));
    expect(stdout).toContain('1 valid, 2 invalid');
  });

  it('warns about a flat persona; --strict makes that a failure', async () => {
    const dir = tempDir();
    writeFile(join(dir, 'flat.json'), JSON.stringify({ name: 'Flat' }));
    const normal = await runCli(['personas', 'validate', dir], { home: tempDir() });
    expect(normal.code).toBe(0);
    expect(normal.stdout).toContain('psychographics: missing');
    const strict = await runCli(['personas', 'validate', '--strict', dir], { home: tempDir() });
    expect(strict.code).toBe(3);
  });

  it('prints JSON for scripts', async () => {
    const dir = tempDir();
    writeFile(join(dir, 'x.json'), '[]');
    const { stdout } = await runCli(['personas', 'validate', '--json', dir], { home: tempDir() });
    const out = JSON.parse(stdout) as { invalid: Array<{ issues: Array<{ message: string }> }> };
    expect(out.invalid[0]!.issues[0]!.message).toContain('expected one persona object, found a list');
  });
});

describe('persona personas new (no TTY)', () => {
  it('writes a valid persona into the user folder from flags', async () => {
    const home = tempDir();
    const { code, stdout } = await runCli(
      [
        'personas',
        'new',
        '--name',
        'Priya Nair',
        '--age',
        '29',
        '--occupation',
        'UX researcher',
        '--values',
        'craft; honesty',
        '--traits',
        '70,60,40,80,30',
        '--pain-points',
        'recruiting participants',
        '--json',
      ],
      { home },
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { id: string; file: string };
    expect(out.id).toBe('priya-nair');
    expect(out.file).toBe(join(home, 'personas', 'priya-nair.json'));
    const written = JSON.parse(readFileSync(out.file, 'utf8'));
    expect(written).toMatchObject({
      id: 'priya-nair',
      name: 'Priya Nair',
      baseSelection: { age: 29, occupation: 'UX researcher' },
      psychographics: { values: ['craft', 'honesty'], personalityTraits: { openness: 70 } },
    });
    const list = await runCli(['personas', 'list', '--json'], { home });
    expect(JSON.parse(list.stdout).some((p: { id: string }) => p.id === 'priya-nair')).toBe(true);
  });

  it('copies a persona with --from and refuses to overwrite without --force', async () => {
    const home = tempDir();
    const first = await runCli(['personas', 'new', '--from', 'cfo', '--id', 'cfo-uk', '--location', 'Leeds, UK'], { home });
    expect(first.code).toBe(0);
    const copy = JSON.parse(readFileSync(join(home, 'personas', 'cfo-uk.json'), 'utf8'));
    expect(copy.name).toBe('Diane Kowalczyk');
    expect(copy.baseSelection.location).toBe('Leeds, UK');
    const again = await runCli(['personas', 'new', '--from', 'cfo', '--id', 'cfo-uk'], { home });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('refuses an id a shipped persona uses, and bad traits, without writing', async () => {
    const home = tempDir();
    const clash = await runCli(['personas', 'new', '--name', 'X', '--id', 'cfo'], { home });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('already used by');
    const traits = await runCli(['personas', 'new', '--name', 'Y', '--traits', '1,2'], { home });
    expect(traits.code).toBe(3);
    expect(traits.stderr).toContain('expected five numbers');
    expect(() => statSync(join(home, 'personas', 'y.json'))).toThrow();
  });

  it('asks for --name when there is no terminal', async () => {
    const { code, stderr } = await runCli(['personas', 'new'], { home: tempDir() });
    expect(code).toBe(2);
    expect(stderr).toContain('--name');
  });
});

describe('persona personas schema', () => {
  it('prints a JSON Schema editors can use', async () => {
    const { code, stdout } = await runCli(['personas', 'schema'], { home: tempDir() });
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.properties.psychographics.properties.personalityTraits).toBeDefined();
  });
});
