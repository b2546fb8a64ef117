import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { rows, type Loose } from './research-helpers.js';

// runs show (bars in the terminal), runs export formats, and the report of a session. One offline
// survey is shared: the offline engine answers by rules, the same way every time.

const EXAMPLE = fileURLToPath(new URL('../../docs/examples/pricing-survey.json', import.meta.url));
let home: string;
beforeAll(async () => {
  // Shared by every test here, so not a tempDir() (those go after each test).
  home = mkdtempSync(join(tmpdir(), 'persona-show-'));
  expect((await runCli(['survey', EXAMPLE, 'cfo,icu-nurse,sao-paulo-student,single-parent'], { home, timeoutMs: 60_000 })).code).toBe(0);
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('persona runs show', () => {
  it('draws each closed question as bars with counts that add up, and lists free text', async () => {
    const { stdout, code } = await runCli(['runs', 'show', 'last'], { home, env: { NO_COLOR: '1' } });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\x1b\[/);
    const plan = stdout.split('\n\n').find((block) => block.startsWith('Which plan'))!;
    const counts = [...plan.matchAll(/ (\d+) +\d+%$/gm)].map((m) => Number(m[1]));
    expect(counts).toHaveLength(4);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(plan).toMatch(/█/);
    expect(stdout).toMatch(/median [\d.]+ USD per month/);
    expect(stdout).toContain('What would make you switch');
    const json = JSON.parse((await runCli(['runs', 'show', 'last', '--json'], { home })).stdout);
    expect(json.questions.find((q: Loose) => q.id === 'card').distribution.map((b: Loose) => b.label)).toEqual(['yes', 'no']);
  }, 30_000);
});

describe('persona runs export', () => {
  it('takes the format from the -o extension, refuses a contradiction, and writes JSON and Markdown', async () => {
    const out = join(home, 'answers.json');
    const written = await runCli(['runs', 'export', 'last', '-o', out], { home });
    expect(written.stderr).toContain('wrote');
    expect(written.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.rows).toHaveLength(4 * 6);
    expect(json.rows[0]).toMatchObject({ personaId: 'cfo', questionId: 'plan', status: 'valid' });
    const clash = await runCli(['runs', 'export', 'last', '-o', join(home, 'x.csv'), '-f', 'json'], { home });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('does not match');
    expect((await runCli(['runs', 'export', 'last', '-o', out], { home })).code).toBe(2);
    const md = await runCli(['runs', 'export', 'last', '-f', 'md'], { home });
    expect(md.stdout).toContain('## Which plan would you choose?');
    expect(md.stdout).toContain('| Diane Kowalczyk |');
  }, 30_000);
});

describe('persona report of a session', () => {
  it('shows the transcript by speaker and where each participant stands', async () => {
    const own = tempDir();
    expect((await runCli(['ask', 'cfo', 'Would you pay for a faster month-end close?'], { home: own })).code).toBe(0);
    const session = rows(own, 'SELECT id FROM sessions')[0].id;
    const out = join(own, 'session.html');
    expect((await runCli(['report', session, '-o', out], { home: own })).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Where each participant stands');
    expect(html).toContain('<span class="speaker">Moderator:</span> Would you pay for a faster month-end close?');
    expect(html).toContain('<span class="speaker">Diane Kowalczyk:</span>');
    expect(html).toMatch(/leans (positive|negative|mixed|neutral)/);
    writeFileSync(join(own, 'keep'), '');
    const unknown = await runCli(['report', 'zzzz', '-o', join(own, 'x.html')], { home: own });
    expect(unknown.code).toBe(2);
  }, 30_000);
});
