import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { UsageError, UserError } from '../../core/errors.js';
import { MODERATOR_ID, sessionReportHtml, type ReportTurn } from '../../research/report/session-report.js';
import { surveyReportHtml } from '../../research/report/survey-report.js';
import type { HistoryStore } from '../../store/history-store.js';
import { openHistoryStore } from '../engine-setup.js';
import { parseOptions } from '../options.js';
import { loadSurveyResults } from '../research/load-results.js';

const schema = z.object({
  output: z.string().check(z.minLength(1)),
  by: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.]{0,200}$/, 'a field path such as age or baseSelection.location')),
  force: z.optional(z.boolean()),
});

export default async function report(ref: string, raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const path = resolve(options.output);
  if (existsSync(path) && !options.force) throw new UsageError(`${path} exists`, 'use --force to overwrite it, or another -o');
  const store = await openHistoryStore();
  let html: string;
  try {
    html = await renderReport(store, ref, options.by);
  } finally {
    await store.close();
  }
  try {
    writeFileSync(path, html);
  } catch (error) {
    throw new UserError(`cannot write ${path}: ${(error as Error).message}`);
  }
  process.stderr.write(`wrote ${path}\n`);
}

/** A survey run's report; else a session's (a focus group, or any saved session). */
async function renderReport(store: HistoryStore, ref: string, by: string): Promise<string> {
  const run = await store.runs().findRun(ref);
  if (run?.kind === 'survey') return surveyReportHtml(await loadSurveyResults(store, run), by);
  if (run?.kind === 'ask') throw new UsageError(`run ${run.id} is an ask: export it with persona runs export ${run.id} -f md`);
  const session = ref === 'last' ? undefined : await store.findSession(ref);
  if (!session) throw new UsageError(`no survey run or session "${ref}"`, 'see `persona runs list` and `persona sessions list`');
  const transcript = await store.getTranscript(session.id);
  // Deleted between the lookup and the read (another terminal, another server).
  if (!transcript) throw new UsageError(`session ${session.id} is no longer in the database`, 'see `persona sessions list`');
  // A group session names each reply's speaker; their names come from the session's participants.
  const names = new Map((transcript.session.participants ?? []).map((p) => [p.personaId, p.name]));
  const turns: ReportTurn[] = transcript.messages.map((message) =>
    message.role === 'user'
      ? { speakerId: MODERATOR_ID, speakerName: 'Moderator', content: message.content, status: message.status }
      : {
          speakerId: message.speakerId ?? session.personaId,
          speakerName: (message.speakerId ? names.get(message.speakerId) : undefined) ?? session.personaName,
          content: message.content,
          status: message.status,
        },
  );
  return sessionReportHtml({
    id: session.id,
    title: session.title ?? '',
    startedAt: session.startedAt,
    provider: session.provider,
    model: session.model,
    turns,
  });
}
