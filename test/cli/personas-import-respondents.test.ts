import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir, writeFile } from '../support/temp.js';

// The built CLI, as a researcher runs it on a survey export.

function respondentCsv(rows: number, badEvery: number): string {
  const cities = ['Lisbon', 'Lagos', 'Osaka', 'Austin', 'Lyon'];
  const lines = ['Respondent ID,Full name,Age,Job title,City,Pain points,NPS,Email'];
  for (let i = 1; i <= rows; i++) {
    const age = i % badEvery === 0 ? 'unknown' : String(18 + (i % 60));
    lines.push(
      `r${i},Person ${i},${age},"Analyst, level ${i % 4}",${cities[i % 5]},"slow tools; too many meetings",${i % 11},p${i}@example.com`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('persona personas import <respondents.csv>', { timeout: 30_000 }, () => {
  it('imports 1,000 rows in under 5 s, reports each bad row by line and column, and every written file validates', async () => {
    const home = tempDir();
    const csv = writeFile(join(home, 'survey.csv'), respondentCsv(1000, 100));
    const out = join(home, 'panel');
    const started = Date.now();
    const result = await runCli(['personas', 'import', csv, '--map', 'Email=ignore', '-o', out], { home, timeoutMs: 30_000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(5000);
    expect(result.code).toBe(3); // some rows failed: the others are still written
    const files = readdirSync(out);
    expect(files).toHaveLength(990);
    const badLines = [...result.stderr.matchAll(/line (\d+): column "Age"/g)].map((m) => Number(m[1]));
    expect(badLines).toEqual(Array.from({ length: 10 }, (_, i) => (i + 1) * 100 + 1));
    expect(result.stdout).toContain('wrote 990 personas');
    const sample = JSON.parse(readFileSync(join(out, 'r2.json'), 'utf8'));
    expect(sample).toEqual({
      id: 'r2',
      name: 'Person 2',
      baseSelection: { age: 20, occupation: 'Analyst, level 2', location: 'Osaka' },
      generatedInsights: { painPoints: ['slow tools', 'too many meetings'] },
      respondentData: { NPS: 2 },
    });
    const validate = await runCli(['personas', 'validate', out, '--json'], { home, timeoutMs: 30_000 });
    const report = JSON.parse(validate.stdout) as { valid: unknown[]; invalid: unknown[] } | Array<{ ok: boolean }>;
    const invalid = Array.isArray(report) ? report.filter((r) => !r.ok) : report.invalid;
    expect(invalid).toEqual([]);
  }, 60_000);

  it('never overwrites without --force, and --force re-imports to the same ids', async () => {
    const home = tempDir();
    const csv = writeFile(join(home, 'r.csv'), 'Name,Age\nAna,30\nBo,41\n');
    const first = await runCli(['personas', 'import', csv], { home });
    expect(first.code).toBe(0);
    const again = await runCli(['personas', 'import', csv], { home });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('already exists (add --force to replace it)');
    const forced = await runCli(['personas', 'import', csv, '--force', '--json'], { home });
    expect(forced.code).toBe(0);
    expect((JSON.parse(forced.stdout) as { written: Array<{ id: string }> }).written.map((w) => w.id)).toEqual(['ana', 'bo']);
    const listed = await runCli(['personas', 'list', '--json'], { home });
    expect(listed.stdout).toContain('"ana"');
  });

  it('--dry-run writes nothing and shows the column plan; a bad mapping target names the accepted fields', async () => {
    const home = tempDir();
    const csv = writeFile(join(home, 'r.csv'), 'Name,Q7\nAna,yes\n');
    const dry = await runCli(['personas', 'import', csv, '--dry-run'], { home });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Q7\s+-> extra field/);
    expect(dry.stdout).toContain('would write 1 persona');
    const bad = await runCli(['personas', 'import', csv, '--map', 'Q7=baseSelection.shoeSize'], { home });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('"baseSelection.shoeSize" is not a field a column can fill');
    expect(bad.stderr).toContain('baseSelection.occupation');
  });

  it('prints no raw escape sequences from hostile headers or cells', async () => {
    const home = tempDir();
    const csv = writeFile(join(home, 'r.csv'), 'Name,"x\u001b]52;c;aGk=\u0007"\nAna,"\u001b[2Jboom"\nBo\u009b31m,abc\n');
    const result = await runCli(['personas', 'import', csv, '--dry-run'], { home });
    expect(result.stdout + result.stderr).not.toMatch(/[\u001b\u0007\u009b]/);
  });
});
