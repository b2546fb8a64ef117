import { UsageError } from '../core/errors.js';
import type { SqliteStore } from '../store/sqlite-store.js';
import { resolvePersona } from '../persona/loader.js';
import { personaSchema, type Persona } from '../persona/schema.js';
import type { SessionRecord, SessionSummary } from '../core/records.js';

/** A session by id, unique id prefix, or `last`; a clear error when there is none. */
export function findSessionOrFail(store: SqliteStore, ref: string): SessionSummary {
  if (ref === 'last') {
    const latest = store.latestSession();
    if (!latest) throw new UsageError('there are no saved sessions yet', 'start one: persona ask cfo "Hello"');
    return latest;
  }
  const found = store.findSession(ref);
  if (!found) throw new UsageError(`no session "${ref}"`, 'see `persona sessions list`');
  return found;
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
export function personaOfSession(store: SqliteStore, session: SessionRecord): Persona {
  try {
    return resolvePersona(session.personaId);
  } catch (error) {
    const snapshot = store.getSnapshot(session.snapshotId);
    const parsed = snapshot ? personaSchema.safeParse(snapshot.persona) : undefined;
    if (!parsed?.success) throw error;
    return { id: session.personaId, name: parsed.data.name, data: parsed.data, source: `(session ${session.id})`, origin: 'path' };
  }
}
