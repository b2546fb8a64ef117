import { readSummaryMessage } from '../../core/carried-summary.js';
import { UsageError } from '../../core/errors.js';
import { speakerLabel } from '../../export/header.js';
import { openHistoryStore } from '../engine-setup.js';
import { c, printJson, println, sanitizeInline, sanitizeText } from '../output.js';
import { findTranscriptOrFail, formatCost, formatWhen } from '../session-ref.js';

export default async function sessionsShow(ref: string | undefined, options: { json?: boolean; last?: boolean }): Promise<void> {
  if (ref && options.last) throw new UsageError('give a session id or --last, not both');
  const store = await openHistoryStore();
  try {
    const transcript = await findTranscriptOrFail(store, ref ?? 'last');
    const summary = transcript.session;
    if (options.json) return printJson(transcript);
    const name = sanitizeInline(transcript.snapshot?.name ?? summary.personaName ?? summary.personaId);
    const group = summary.participants && summary.participants.length > 1 ? summary.participants : undefined;
    const who = group
      ? `Group: ${group.map((p) => `${sanitizeInline(p.name)} (${p.personaId})`).join(', ')}`
      : `${name} (${summary.personaId})`;
    println(c.bold(`${who} · ${summary.provider}/${summary.model}`));
    println(
      c.dim(
        `session ${summary.id} · started ${formatWhen(summary.startedAt)} · ${summary.messageCount} messages · ${summary.inputTokens + summary.outputTokens} tokens · cost ${formatCost(summary.costUsd)}`,
      ),
    );
    for (const m of transcript.messages) {
      println();
      const label = group
        ? c.bold(sanitizeInline(speakerLabel(m, transcript)))
        : m.role !== 'user'
          ? c.bold(name)
          : m.inputMode === 'script' && readSummaryMessage(m.content)
            ? c.bold.cyan('Summary carried over')
            : c.bold.cyan('You');
      const mark =
        m.status === 'interrupted'
          ? c.yellow(' [interrupted]')
          : m.status === 'error'
            ? c.red(` [error: ${sanitizeInline(m.error ?? '')}]`)
            : m.fallback
              ? c.dim(' [offline fallback]')
              : '';
      println(`${label}${mark} ${c.dim(formatWhen(m.createdAt))}`);
      if (m.content) println(sanitizeText(m.content));
    }
  } finally {
    await store.close();
  }
}
