import type { ProviderError } from '../../core/errors.js';
import type { StructuredProvider } from '../../providers/types.js';
import type { ResultRow } from '../results/run-results.js';
import type { ConsistencyFlag } from './consistency-rules.js';

// The model as judge: for each answer, is it consistent with the persona file? The verdict is a
// structured answer (consistent, the contradicted fact quoted, why), checked like any other.

const VERDICT_SCHEMA = {
  type: 'object',
  properties: {
    consistent: { type: 'boolean', description: 'false only when the answer clearly contradicts something the persona file states' },
    fact: { type: 'string', description: 'the persona file text the answer contradicts, quoted exactly; empty when consistent' },
    explanation: { type: 'string', description: 'one sentence' },
  },
  required: ['consistent', 'fact', 'explanation'],
  additionalProperties: false,
};

const JUDGE_SYSTEM = `You check survey answers given by a simulated persona against that persona's profile.
Flag an answer only when it clearly contradicts a stated fact (a budget, an income, an objection, a value, a habit).
Different wording, a plausible inference or a missing fact is not a contradiction.`;

export interface JudgeOptions {
  provider: StructuredProvider;
  model: string;
  concurrency: number;
  signal: AbortSignal;
}

export interface JudgeOutcome {
  flags: ConsistencyFlag[];
  judged: number;
  /** Verdicts that could not be had (provider errors, unreadable replies). */
  failures: Array<{ personaId: string; questionId: string; error: string; providerError?: ProviderError }>;
}

export async function judgeRows(rows: ResultRow[], options: JudgeOptions): Promise<JudgeOutcome> {
  const outcome: JudgeOutcome = { flags: [], judged: 0, failures: [] };
  const valid = rows.filter((r) => r.status === 'valid');
  let next = 0;
  const worker = async () => {
    while (!options.signal.aborted && next < valid.length) {
      const row = valid[next++]!;
      const result = await options.provider.structured({
        system: JUDGE_SYSTEM,
        messages: [{ role: 'user', content: judgePrompt(row) }],
        model: options.model,
        temperature: 0,
        maxOutputTokens: 300,
        signal: options.signal,
        schemaName: 'consistency_verdict',
        description: 'whether the answer is consistent with the persona file',
        schema: VERDICT_SCHEMA,
      });
      if (!result.ok) {
        outcome.failures.push({
          personaId: row.personaId,
          questionId: row.question.id,
          error: result.error.message,
          providerError: result.error,
        });
        continue;
      }
      const verdict = readVerdict(result.json);
      if (!verdict) {
        outcome.failures.push({ personaId: row.personaId, questionId: row.question.id, error: 'the judge sent an unreadable verdict' });
        continue;
      }
      outcome.judged++;
      if (!verdict.consistent) {
        outcome.flags.push({
          personaId: row.personaId,
          personaName: row.personaName,
          questionId: row.question.id,
          rule: 'judge',
          answer: row.answerText,
          fact: verdict.fact,
          factPath: '',
          explanation: verdict.explanation,
          source: 'judge',
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, valid.length)) }, worker));
  return outcome;
}

function judgePrompt(row: ResultRow): string {
  return [
    'Persona profile (JSON):',
    JSON.stringify(row.persona ?? {}),
    '',
    `Survey question (${row.question.type}): ${row.question.text}`,
    `Answer: ${row.answerText}`,
    `Reason given: ${row.reason}`,
    '',
    'Is this answer consistent with the persona profile?',
  ].join('\n');
}

function readVerdict(json: string): { consistent: boolean; fact: string; explanation: string } | undefined {
  try {
    const value = JSON.parse(json) as { consistent?: unknown; fact?: unknown; explanation?: unknown };
    if (typeof value.consistent !== 'boolean') return undefined;
    return {
      consistent: value.consistent,
      fact: typeof value.fact === 'string' ? value.fact : '',
      explanation: typeof value.explanation === 'string' ? value.explanation : '',
    };
  } catch {
    return undefined;
  }
}
