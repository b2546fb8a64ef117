import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import type { SessionSummary } from '../../core/records.js';
import type { HistoryStore } from '../../store/history-store.js';
import { openHistoryStore } from '../engine-setup.js';
import { numberFlag, parseOptions } from '../options.js';
import { c, printJson, println, sanitizeInline, truncate } from '../output.js';
import { formatCost, formatWhen } from '../session-ref.js';

const schema = z.object({
  persona: z.optional(z.string()),
  limit: numberFlag(1, 100_000, true),
  all: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
});

/** One line of the list: a session, or the sessions of one multi-persona ask (a run) together. */
type Entry = { kind: 'session'; session: SessionSummary; runId?: string } | { kind: 'run'; runId: string; sessions: SessionSummary[] };

export default async function sessionsList(raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const store = await openHistoryStore();
  try {
    const limit = options.all ? Infinity : options.limit;
    const grouped = options.persona === undefined;
    const entries = await listEntries(store, options.persona, limit, grouped);
    const total = await store.runs().countSessionEntries(options.persona);
    if (options.json) {
      return printJson(
        entries.flatMap((e) =>
          e.kind === 'run' ? e.sessions.map((s) => ({ ...s, runId: e.runId })) : [{ ...e.session, runId: e.runId ?? null }],
        ),
      );
    }
    if (entries.length === 0) {
      println(
        options.persona
          ? `No sessions with ${options.persona} yet.`
          : 'No sessions yet. Start one: persona chat, or persona ask cfo "Hello"',
      );
      return;
    }
    await printEntries(store, entries);
    // The list stops at the limit: say so, with how to see the rest.
    if (entries.length < total) println(c.dim(`showing ${entries.length} of ${total}; --limit <n> or --all for more`));
  } finally {
    await store.close();
  }
}

/**
 * The newest `limit` entries. Sessions are read newest first in growing pages until enough
 * entries are gathered, since a run's sessions fold into one entry.
 */
async function listEntries(store: HistoryStore, personaId: string | undefined, limit: number, grouped: boolean): Promise<Entry[]> {
  let page = Number.isFinite(limit) ? limit : -1;
  for (;;) {
    const sessions = await store.listSessions({ personaId, limit: page });
    const runOf = await store.runs().runsOfSessions(sessions.map((s) => s.id));
    const entries: Entry[] = [];
    const runEntries = new Map<string, Entry & { kind: 'run' }>();
    for (const session of sessions) {
      const runId = runOf.get(session.id);
      if (!grouped || runId === undefined) {
        entries.push({ kind: 'session', session, ...(runId ? { runId } : {}) });
        continue;
      }
      const existing = runEntries.get(runId);
      if (existing) existing.sessions.push(session);
      else {
        const entry = { kind: 'run' as const, runId, sessions: [session] };
        runEntries.set(runId, entry);
        entries.push(entry);
      }
    }
    const exhausted = page === -1 || sessions.length < page;
    if (entries.length >= limit || exhausted) return entries.slice(0, Number.isFinite(limit) ? limit : undefined);
    page *= 4;
  }
}

async function printEntries(store: HistoryStore, entries: Entry[]): Promise<void> {
  const width = process.stdout.isTTY ? (process.stdout.columns ?? 120) : 200;
  const sessionsOf = (e: Entry) => (e.kind === 'run' ? e.sessions : [e.session]);
  // Columns as wide as the longest value shown (ids and persona ids are ASCII slugs).
  const whoOf = (e: Entry) => (e.kind === 'run' ? `${e.sessions.length} personas` : participantsOf(e.session));
  const personaWidth = Math.min(40, Math.max(...entries.map((e) => whoOf(e).length)));
  const costs = entries.map((e) => formatCost(sumCost(sessionsOf(e))));
  const costWidth = Math.max(...costs.map((cost) => cost.length));
  for (const [i, entry] of entries.entries()) {
    const sessions = sessionsOf(entry);
    const first = sessions[0]!;
    const messages = sessions.reduce((n, s) => n + s.messageCount, 0);
    const who = sanitizeInline(whoOf(entry));
    const id = entry.kind === 'run' ? entry.runId : first.id;
    println(
      `${c.bold(id)}  ${formatWhen(first.lastActiveAt)}  ${who.padEnd(personaWidth)}  ${String(messages).padStart(4)} msgs  ${costs[i]!.padStart(costWidth)}  ${c.dim(`${first.provider}/${first.model}`)}`,
    );
    if (entry.kind === 'run') {
      const run = await store.runs().getRun(entry.runId);
      const title = run ? `ask: ${run.title}` : 'ask';
      println(`  ${c.dim(truncate(sanitizeInline(title), width - 4))}`);
      println(`  ${c.dim(truncate(`persona runs show ${entry.runId} · ${entry.sessions.map((s) => s.personaId).join(', ')}`, width - 4))}`);
    } else if (first.title) println(`  ${c.dim(truncate(sanitizeInline(first.title), width - 4))}`);
  }
}

/** A group session shows its participants where a one-to-one session shows its persona. */
function participantsOf(session: SessionSummary): string {
  const participants = (session as { participants?: Array<{ personaId: string }> }).participants;
  return participants && participants.length > 1 ? participants.map((p) => p.personaId).join(',') : session.personaId;
}

function sumCost(sessions: SessionSummary[]): number | null {
  let total = 0;
  for (const s of sessions) {
    if (s.costUsd === null) return null;
    total += s.costUsd;
  }
  return total;
}
