import { newId } from '../core/ids.js';
import type { GroupStore } from './chat-store.js';
import type {
  MessageRecord,
  NewEvent,
  NewMessage,
  PersonaSnapshot,
  RecentMessages,
  SessionParticipant,
  SessionRecord,
} from '../core/records.js';

/** A ChatStore that keeps everything in memory: `ask --no-save`, and engine tests. */
export class MemoryStore implements GroupStore {
  readonly snapshots = new Map<string, PersonaSnapshot>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly messages: MessageRecord[] = [];
  readonly events: NewEvent[] = [];
  readonly participants = new Map<string, SessionParticipant[]>();

  saveSnapshot(snapshot: Omit<PersonaSnapshot, 'id' | 'createdAt'>): PersonaSnapshot {
    for (const s of this.snapshots.values()) if (s.contentHash === snapshot.contentHash) return s;
    const saved = { ...snapshot, id: newId(), createdAt: new Date().toISOString() };
    this.snapshots.set(saved.id, saved);
    return saved;
  }

  createSession(session: Omit<SessionRecord, 'id' | 'startedAt' | 'lastActiveAt'>): SessionRecord {
    const now = new Date().toISOString();
    const saved = { ...session, id: newId(), startedAt: now, lastActiveAt: now };
    this.sessions.set(saved.id, saved);
    return saved;
  }

  getSession(id: string): SessionRecord | undefined {
    return this.sessions.get(id);
  }

  appendMessage(message: NewMessage): MessageRecord {
    const seq = this.messages.filter((m) => m.sessionId === message.sessionId).length + 1;
    const saved: MessageRecord = { ...message, id: newId(), seq, createdAt: message.createdAt ?? new Date().toISOString() };
    this.messages.push(saved);
    const session = this.sessions.get(message.sessionId);
    if (session) session.lastActiveAt = saved.createdAt;
    return saved;
  }

  addParticipants(sessionId: string, participants: ReadonlyArray<{ personaId: string; snapshotId: string }>): void {
    const list = this.participants.get(sessionId) ?? [];
    for (const p of participants) {
      const name = this.snapshots.get(p.snapshotId)?.name ?? p.personaId;
      list.push({ personaId: p.personaId, snapshotId: p.snapshotId, name, position: list.length + 1 });
    }
    this.participants.set(sessionId, list);
  }

  listParticipants(sessionId: string): SessionParticipant[] {
    return this.participants.get(sessionId) ?? [];
  }

  listMessages(sessionId: string): MessageRecord[] {
    return this.messages.filter((m) => m.sessionId === sessionId);
  }

  recentMessages(sessionId: string, limit: number): RecentMessages {
    const all = this.listMessages(sessionId);
    return { messages: limit > 0 ? all.slice(-limit) : [], total: all.length };
  }

  recordEvent(event: NewEvent): void {
    this.events.push(event);
  }

  spentSince(sinceIso: string): number {
    return this.messages.filter((m) => m.createdAt >= sinceIso).reduce((sum, m) => sum + (m.costUsd ?? 0), 0);
  }
}
