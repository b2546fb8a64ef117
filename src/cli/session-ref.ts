import { UsageError } from '../core/errors.js';
import type { HistoryStore, StoredTranscript } from '../store/history-store.js';
import { resolvePersona } from '../persona/loader.js';
import { personaSchema, type Persona } from '../persona/schema.js';
import type { SessionRecord, SessionSummary } from '../core/records.js';

/** A session by id, unique id prefix, or `last`; a clear error when there is none. */
export async function findSessionOrFail(store: HistoryStore, ref: string): Promise<SessionSummary> {
  if (ref === 'last') {
    const latest = await store.latestSession();
    if (!latest) throw new UsageError('there are no saved sessions yet', 'start one: persona ask cfo "Hello"');
    return latest;
  }
  const found = await store.findSession(ref);
  if (!found) throw new UsageError(`no session "${ref}"`, 'see `persona sessions list`');
  return found;
}

/** The whole of a session found by `ref`; a clear error when it was deleted meanwhile (from another terminal or server). */
export async function findTranscriptOrFail(store: HistoryStore, ref: string): Promise<StoredTranscript> {
  const session = await findSessionOrFail(store, ref);
  const transcript = await store.getTranscript(session.id);
  if (!transcript) throw new UsageError(`session ${session.id} is no longer in the database`, 'see `persona sessions list`');
  return transcript;
}

export function formatCost(cost: number | null): string {
  if (cost === null) return 'unknown';
  if (cost === 0) return '$0';
  return cost < 0.01 ? `$${cost.toFixed(4)}` : `$${cost.toFixed(2)}`;
}

export function formatWhen(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

/** The persona file as it is now; when it is gone, the snapshot the session was started with. */
export async function personaOfSession(store: HistoryStore, session: SessionRecord): Promise<Persona> {
  try {
    return resolvePersona(session.personaId);
  } catch (error) {
    const snapshot = await store.getSnapshot(session.snapshotId);
    const parsed = snapshot ? personaSchema.safeParse(snapshot.persona) : undefined;
    if (!parsed?.success) throw error;
    return { id: session.personaId, name: parsed.data.name, data: parsed.data, source: `(session ${session.id})`, origin: 'path' };
  }
}
