import { csvTable } from './csv.js';
import type { ResultRow, RunResults } from './run-results.js';

// A survey run as a table: one row per persona x question, the persona's attributes as columns.
// CSV for spreadsheets, JSON for scripts, Markdown for reading.

export type RunExportFormat = 'csv' | 'json' | 'md';

const FIXED_COLUMNS = [
  'run_id',
  'persona_id',
  'persona_name',
  'question_id',
  'question_type',
  'question',
  'answer',
  'reason',
  'status',
  'raw',
  'error',
];

function attributeColumns(rows: ResultRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row.attributes)) names.add(name);
  return [...names].sort((a, b) => (a === 'ageBand' ? -1 : b === 'ageBand' ? 1 : a.localeCompare(b)));
}

export function exportRun(results: RunResults, format: RunExportFormat): string {
  switch (format) {
    case 'csv':
      return toCsv(results);
    case 'json':
      return `${JSON.stringify(toJson(results), null, 2)}\n`;
    case 'md':
      return toMarkdown(results);
  }
}

function toCsv(results: RunResults): string {
  const attributes = attributeColumns(results.rows);
  return csvTable(
    [...FIXED_COLUMNS, ...attributes],
    results.rows.map((row) => [
      results.run.id,
      row.personaId,
      row.personaName,
      row.question.id,
      row.question.type,
      row.question.text,
      typeof row.answer === 'number' ? row.answer : row.answerText,
      row.reason,
      row.status,
      row.raw,
      row.error,
      ...attributes.map((name) => row.attributes[name] ?? ''),
    ]),
  );
}

function toJson(results: RunResults) {
  return {
    run: {
      id: results.run.id,
      kind: results.run.kind,
      title: results.run.title,
      status: results.run.status,
      provider: results.run.provider,
      model: results.run.model,
      createdAt: results.run.createdAt,
    },
    survey: results.survey,
    rows: results.rows.map((row) => ({
      personaId: row.personaId,
      personaName: row.personaName,
      questionId: row.question.id,
      questionType: row.question.type,
      status: row.status,
      answer: row.answer,
      reason: row.reason || null,
      raw: row.raw || null,
      error: row.error || null,
      attributes: row.attributes,
    })),
  };
}

function toMarkdown(results: RunResults): string {
  const lines = [
    `# ${escapeMd(results.run.title)}`,
    '',
    `Run ${results.run.id} · ${results.run.provider}/${escapeMd(results.run.model)} · ${results.run.status}`,
    '',
  ];
  for (const question of results.survey.questions) {
    lines.push(
      `## ${escapeMd(question.text)}`,
      '',
      `\`${question.id}\` · ${question.type}`,
      '',
      '| Persona | Answer | Reason |',
      '|---|---|---|',
    );
    for (const row of results.rows.filter((r) => r.question.id === question.id)) {
      const answer = row.status === 'valid' ? row.answerText : `*${row.status}*`;
      lines.push(`| ${cell(row.personaName)} | ${cell(answer)} | ${cell(row.reason || row.error)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`).replace(/\s+/g, ' ');
}

function cell(text: string): string {
  return escapeMd(text).trim();
}
