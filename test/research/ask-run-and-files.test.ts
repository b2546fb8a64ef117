import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/research/results/csv.js';
import { findMoney } from '../../src/research/signals/money.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { parseCsv, rows } from './research-helpers.js';

// Issue 14, defect 10: `sessions list` said nothing when it stopped at its limit, and one
// `ask --all` left 12 unrelated sessions. Plus the edges of survey files and CSV cells.

describe('ask --all is one run', () => {
  it('records the run, lists it as one entry in sessions list and runs list, and exports it as one file', async () => {
    const home = tempDir();
    for (const n of [1, 2]) expect((await runCli(['ask', 'cfo', `hello ${n}`], { home })).code).toBe(0);
    expect((await runCli(['ask', '--all', 'What frustrates you about budgeting apps?'], { home, timeoutMs: 60_000 })).code).toBe(0);
    const personas = rows(home, 'SELECT count(*) AS n FROM sessions')[0].n - 2;
    expect(personas).toBeGreaterThanOrEqual(12);
    const [run] = rows(home, "SELECT id, kind, status, title FROM runs WHERE kind = 'ask'");
    expect(run).toMatchObject({ kind: 'ask', status: 'complete', title: 'What frustrates you about budgeting apps?' });
    expect(rows(home, 'SELECT count(*) AS n FROM run_sessions WHERE run_id = ?', run.id)[0].n).toBe(personas);

    const list = await runCli(['sessions', 'list'], { home, env: { NO_COLOR: '1' } });
    const entries = list.stdout.split('\n').filter((line) => /^[0-9a-z]{10,}\s/.test(line));
    expect(entries).toHaveLength(3);
    expect(entries[0]).toContain(run.id);
    expect(entries[0]).toContain(`${personas} personas`);
    expect(list.stdout).toContain('ask: What frustrates you about budgeting apps?');
    expect(list.stdout).not.toContain('showing');

    const runs = await runCli(['runs', 'list', '--json'], { home });
    expect(JSON.parse(runs.stdout)).toEqual([expect.objectContaining({ id: run.id, kind: 'ask', sessionCount: personas })]);
    const csv = parseCsv((await runCli(['runs', 'export', run.id, '-f', 'csv'], { home })).stdout);
    expect(csv[0]).toEqual(['run_id', 'session_id', 'persona_id', 'persona_name', 'message', 'reply', 'status']);
    expect(csv.slice(1)).toHaveLength(personas);
    expect(csv.slice(1).every((r) => r[4] === 'What frustrates you about budgeting apps?' && r[5]!.length > 10)).toBe(true);
  }, 90_000);

  it('sessions list says when it stops at the limit, and --all shows everything', async () => {
    const home = tempDir();
    for (const n of [1, 2, 3]) await runCli(['ask', 'cfo', `question ${n}`], { home });
    const limited = await runCli(['sessions', 'list', '-n', '2'], { home, env: { NO_COLOR: '1' } });
    expect(limited.stdout).toContain('showing 2 of 3; --limit <n> or --all for more');
    const all = await runCli(['sessions', 'list', '--all'], { home, env: { NO_COLOR: '1' } });
    expect(all.stdout).not.toContain('showing');
    expect(all.stdout.match(/question \d/g)).toHaveLength(3);
  }, 60_000);
});

describe('survey files', () => {
  it('refuse a bad file naming the field and the fix (exit 3); unknown keys load with a warning', async () => {
    const home = tempDir();
    const bad = join(home, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        title: 'x',
        questions: [
          { id: 'a', type: 'scale', text: 'How much?', min: 5, max: 1 },
          { id: 'b', type: 'multiple', text: 'Which?', options: ['x', 'y'] },
        ],
      }),
    );
    const refused = await runCli(['survey', bad, 'cfo'], { home });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('questions[1].type: unknown question type');
    expect(refused.stderr).toContain('single_choice, multiple_choice, scale, number, yes_no, free_text');
    writeFileSync(bad, JSON.stringify({ title: 'x', questions: [{ id: 'a', type: 'scale', text: 'How much?', min: 5, max: 1 }] }));
    expect((await runCli(['survey', bad, 'cfo'], { home })).stderr).toContain('questions[0].max: must be above min (5)');
    writeFileSync(bad, JSON.stringify({ title: 'x', colour: 'red', questions: [{ id: 'a', type: 'yes_no', text: 'Ok?' }] }));
    const warned = await runCli(['survey', bad, 'cfo'], { home });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('colour: unknown key, ignored');
  }, 60_000);

  it('--schema prints the JSON Schema of survey files', async () => {
    const schema = JSON.parse((await runCli(['survey', '--schema'], { home: tempDir() })).stdout);
    expect(schema.properties.questions.items.oneOf ?? schema.properties.questions.items.anyOf).toHaveLength(6);
  });
});

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks, and defuse formulas while keeping numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('money in persona text', () => {
  it('reads currency, amount, multiplier and period the way people write them', () => {
    expect(findMoney('About KES 90,000 a month')[0]).toMatchObject({ amount: 90_000, currency: 'KES', period: 'month' });
    expect(findMoney('₹55 lakh a year')[0]).toMatchObject({ amount: 5_500_000, currency: 'INR', period: 'year' });
    expect(findMoney('R$1.200 por mês, R$ 3,50 o café')[0]).toMatchObject({ amount: 1200, currency: 'BRL' });
    expect(findMoney('Another $12.99 a month on top')[0]).toMatchObject({ amount: 12.99, currency: 'USD', period: 'month' });
    expect(findMoney('AED 1.4 million a year')[0]).toMatchObject({ amount: 1_400_000, currency: 'AED', period: 'year' });
    expect(findMoney('20 dollars per week')[0]).toMatchObject({ amount: 20, currency: 'USD', period: 'week' });
    expect(findMoney('version 2.0 of 3 apps')).toEqual([]);
  });
});
