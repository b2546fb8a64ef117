import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { distribution, formatNumber } from '../../research/results/distribution.js';
import { barLines } from '../../research/results/terminal-bars.js';
import type { RunResults } from '../../research/results/run-results.js';
import { openHistoryStore } from '../engine-setup.js';
import { parseOptions } from '../options.js';
import { c, printJson, println, sanitizeInline, sanitizeText, truncate } from '../output.js';
import { formatWhen } from '../session-ref.js';
import { loadAskReplies, loadSurveyResults } from '../research/load-results.js';
import { findRunOrFail } from '../research/run-ref.js';

const schema = z.object({ json: z.optional(z.boolean()) });

export default async function runsShow(ref: string, raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const store = await openHistoryStore();
  try {
    const run = await findRunOrFail(store, ref);
    const width = Math.min(process.stdout.isTTY ? (process.stdout.columns ?? 100) : 100, 120);
    if (run.kind === 'ask') {
      const replies = await loadAskReplies(store, run);
      if (options.json) return printJson({ run, replies });
      println(c.bold(`${sanitizeInline(run.title)}`));
      println(
        c.dim(
          `run ${run.id} · ask · ${replies.length} personas · ${formatWhen(run.createdAt)} · ${run.provider}/${sanitizeInline(run.model)}`,
        ),
      );
      println();
      for (const reply of replies) {
        println(`${c.bold(sanitizeInline(reply.personaName))} ${c.dim(`(${reply.personaId}) session ${reply.sessionId}`)}`);
        println(reply.reply ? sanitizeText(reply.reply.trim()) : c.dim(`(${reply.status})`));
        println();
      }
      return;
    }
    const results = await loadSurveyResults(store, run);
    if (options.json) return printJson(jsonOf(results));
    println(c.bold(sanitizeInline(results.survey.title)));
    println(
      c.dim(
        `run ${run.id} · ${run.personaIds.length} personas · ${run.answerCount} answers${run.invalidCount ? `, ${run.invalidCount} invalid` : ''}${run.errorCount ? `, ${run.errorCount} failed` : ''} · ${run.provider}/${sanitizeInline(run.model)} · ${run.status}`,
      ),
    );
    for (const question of results.survey.questions) {
      const rows = results.rows.filter((r) => r.question.id === question.id);
      const valid = rows.filter((r) => r.status === 'valid');
      println();
      println(`${c.bold(sanitizeInline(question.text))} ${c.dim(`(${question.id}, ${valid.length}/${rows.length} answered)`)}`);
      const dist = distribution(
        question,
        valid.map((r) => r.answer!),
      );
      if (dist) {
        for (const line of barLines(dist, width - 2, sanitizeInline)) println(`  ${c.cyan(line)}`);
        if (dist.stats) {
          const unit = question.type === 'number' ? ` ${sanitizeInline(question.unit)}` : '';
          println(
            c.dim(
              `  median ${formatNumber(dist.stats.median)}${unit} · mean ${formatNumber(dist.stats.mean)} · range ${formatNumber(dist.stats.min)}–${formatNumber(dist.stats.max)}`,
            ),
          );
        }
      } else {
        for (const row of valid.slice(0, 5))
          println(
            `  ${c.dim('•')} ${truncate(sanitizeInline(row.answerText), width - 20)} ${c.dim(`— ${sanitizeInline(row.personaName)}`)}`,
          );
        if (valid.length > 5) println(c.dim(`  … ${valid.length - 5} more (persona runs export ${run.id})`));
      }
    }
  } finally {
    await store.close();
  }
}

function jsonOf(results: RunResults) {
  return {
    run: { ...results.run, spec: undefined },
    questions: results.survey.questions.map((question) => {
      const valid = results.rows.filter((r) => r.question.id === question.id && r.status === 'valid');
      const dist = distribution(
        question,
        valid.map((r) => r.answer!),
      );
      return {
        id: question.id,
        type: question.type,
        text: question.text,
        answered: valid.length,
        distribution: dist?.buckets.map((b) => ({ label: b.label, count: b.count })) ?? null,
        stats: dist?.stats ?? null,
      };
    }),
  };
}
