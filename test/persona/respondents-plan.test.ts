import { describe, expect, it } from 'vitest';
import { planImport, type PlanOptions } from '../../src/persona/respondents/import-plan.js';
import { parseMapFlags } from '../../src/persona/respondents/mapping.js';
import { personaSchema } from '../../src/persona/schema.js';

const base: PlanOptions = {
  format: 'csv',
  prefix: 'panel',
  columns: {},
  autoMatch: true,
  extraFieldsKey: 'respondentData',
  reservedIds: new Set(),
};

describe('respondent rows become personas', () => {
  it('matches headers to fields, keeps unmapped columns as typed extra fields, and splits multi-answer cells', () => {
    const csv = 'Name,Age,Job Title,Pain points,NPS,Zip\nAna Souza,34,Nurse,"Long shifts; charting | night rota",7,01234\n';
    const plan = planImport(csv, base);
    expect(plan.failed).toEqual([]);
    expect(plan.personas).toHaveLength(1);
    expect(plan.personas[0]!.persona).toEqual({
      id: 'ana-souza',
      name: 'Ana Souza',
      baseSelection: { age: 34, occupation: 'Nurse' },
      generatedInsights: { painPoints: ['Long shifts', 'charting', 'night rota'] },
      respondentData: { NPS: 7, Zip: '01234' },
    });
  });

  it('names each bad row and cell, and still makes the good rows', () => {
    const csv = ['Name,Age,Openness', 'Good One,40,70', 'Bad Age,forty,50', 'Bad Trait,30,250', 'Good Two,35-44,0.4', 'Ragged,1,2,3'].join(
      '\n',
    );
    const plan = planImport(csv, base);
    expect(plan.personas.map((p) => p.name)).toEqual(['Good One', 'Good Two']);
    expect(plan.failed.map((f) => f.line)).toEqual([3, 4, 6]);
    expect(plan.failed[0]!.issues[0]).toMatchObject({ path: 'column "Age"', message: expect.stringContaining('found "forty"') });
    expect(plan.failed[1]!.issues[0]).toMatchObject({ path: 'column "Openness"', message: expect.stringContaining('0 to 100') });
    expect(plan.failed[2]!.issues[0]!.message).toContain('4 cells');
  });

  it('is deterministic: the same file gives the same personas and ids', () => {
    const csv = 'Age,Occupation\n30,Baker\n41,Pilot\n30,Baker\n';
    const one = planImport(csv, base);
    const two = planImport(csv, base);
    expect(one).toEqual(two);
    expect(one.personas.map((p) => p.id)).toEqual(['respondent-1', 'respondent-2', 'respondent-3']);
    expect(one.personas.map((p) => p.name)).toEqual(['Respondent 1', 'Respondent 2', 'Respondent 3']);
  });

  it('steps derived ids around ids used elsewhere, but refuses a duplicate explicit id', () => {
    const csv = 'Name,ID\nMaria Lopez,\nMaria Lopez,\nX,cfo\nY,m1\nZ,m1\n';
    const plan = planImport(csv, { ...base, reservedIds: new Set(['maria-lopez', 'cfo']) });
    expect(plan.personas.map((p) => p.id)).toEqual(['maria-lopez-2', 'maria-lopez-3', 'm1']);
    expect(plan.failed.map((f) => [f.line, f.issues[0]!.message])).toEqual([
      [4, '"cfo" is already used by another persona'],
      [6, '"m1" is already used by an earlier row'],
    ]);
  });

  it('lets a mapping name, ignore and override columns; two columns may not fill one field', () => {
    const csv = 'Q1,Q2,Email,Age\n29,Designer,a@b.c,50\n';
    const plan = planImport(csv, { ...base, columns: { Q1: 'baseSelection.age', Q2: 'baseSelection.occupation', Email: 'ignore' } });
    expect(plan.fileIssues).toEqual([]);
    // "Age" would match baseSelection.age by header, but Q1 was named for it: Age stays an extra.
    expect(plan.personas[0]!.persona).toMatchObject({ baseSelection: { age: 29, occupation: 'Designer' }, respondentData: { Age: 50 } });
    expect(plan.personas[0]!.persona).not.toHaveProperty('respondentData.Email');
    const clash = planImport(csv, { ...base, columns: { Q1: 'baseSelection.age', Age: 'baseSelection.age' } });
    expect(clash.fileIssues[0]!.message).toContain('already fills');
    const missing = planImport(csv, { ...base, columns: { Nope: 'name' } });
    expect(missing.fileIssues[0]).toMatchObject({ path: 'columns.Nope', message: 'no column has this header' });
  });

  it('refuses a file whose columns map to nothing, with a hint', () => {
    const plan = planImport('Q1,Q2\n1,2\n', { ...base, autoMatch: false });
    expect(plan.fileIssues[0]!.hint).toContain('--map');
  });

  it('reads JSON Lines, reports a broken line and keeps nested values', () => {
    const jsonl = ['{"name":"A","age":30,"answers":{"q1":"yes"}}', '{"name":', '[1,2]', '{"name":"B","age":"55-64"}'].join('\n');
    const plan = planImport(jsonl, { ...base, format: 'jsonl' });
    expect(plan.personas.map((p) => p.persona)).toEqual([
      { id: 'a', name: 'A', baseSelection: { age: 30 }, respondentData: { answers: { q1: 'yes' } } },
      { id: 'b', name: 'B', baseSelection: { age: '55-64' } },
    ]);
    expect(plan.failed.map((f) => f.line)).toEqual([2, 3]);
  });

  it('handles a BOM, semicolon separators, quoted new lines and a hostile "__proto__" header', () => {
    const csv = '\ufeffName;Background;__proto__\n"Li Na";"Line one\nline two";x\n';
    const plan = planImport(csv, base);
    expect(plan.failed).toEqual([]);
    expect(plan.personas[0]!.persona).toMatchObject({ name: 'Li Na', customInputs: { background: 'Line one\nline two' } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('every persona it makes passes the persona schema', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `P${i},${20 + i},Job ${i},"a; b",${i % 100}`);
    const plan = planImport(['Name,Age,Occupation,Values,Extraversion', ...rows].join('\n'), base);
    expect(plan.personas).toHaveLength(50);
    for (const p of plan.personas) expect(personaSchema.safeParse(p.persona).success).toBe(true);
  });
});

describe('--map flags', () => {
  it('split on the last "=" so headers may contain one, and refuse a flag without a field', () => {
    expect(parseMapFlags(['a=b=baseSelection.age']).columns).toEqual({ 'a=b': 'baseSelection.age' });
    expect(parseMapFlags(['Job title']).issues[0]!.message).toContain('COLUMN=FIELD');
  });
});
