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

  async saveSnapshot(snapshot: Omit<PersonaSnapshot, 'id' | 'createdAt'>): Promise<PersonaSnapshot> {
    for (const s of this.snapshots.values()) if (s.contentHash === snapshot.contentHash) return s;
    const saved = { ...snapshot, id: newId(), createdAt: new Date().toISOString() };
    this.snapshots.set(saved.id, saved);
    return saved;
  }

  async createSession(session: Omit<SessionRecord, 'id' | 'startedAt' | 'lastActiveAt'>): Promise<SessionRecord> {
    const now = new Date().toISOString();
    const saved = { ...session, id: newId(), startedAt: now, lastActiveAt: now };
    this.sessions.set(saved.id, saved);
    return saved;
  }

  async getSession(id: string): Promise<SessionRecord | undefined> {
    return this.sessions.get(id);
  }

  async appendMessage(message: NewMessage, event?: NewEvent): Promise<MessageRecord> {
    const seq = this.messages.filter((m) => m.sessionId === message.sessionId).length + 1;
    const saved: MessageRecord = { ...message, id: newId(), seq, createdAt: message.createdAt ?? new Date().toISOString() };
    this.messages.push(saved);
    const session = this.sessions.get(message.sessionId);
    if (session) session.lastActiveAt = saved.createdAt;
    if (event) await this.recordEvent(event);
    return saved;
  }

  async addParticipants(sessionId: string, participants: ReadonlyArray<{ personaId: string; snapshotId: string }>): Promise<void> {
    const list = this.participants.get(sessionId) ?? [];
    for (const p of participants) {
      const name = this.snapshots.get(p.snapshotId)?.name ?? p.personaId;
      list.push({ personaId: p.personaId, snapshotId: p.snapshotId, name, position: list.length + 1 });
    }
    this.participants.set(sessionId, list);
  }

  async listParticipants(sessionId: string): Promise<SessionParticipant[]> {
    return [...(this.participants.get(sessionId) ?? [])];
  }

  async listMessages(sessionId: string): Promise<MessageRecord[]> {
    return this.messages.filter((m) => m.sessionId === sessionId);
  }

  async recentMessages(sessionId: string, limit: number): Promise<RecentMessages> {
    const all = this.messages.filter((m) => m.sessionId === sessionId);
    return { messages: limit > 0 ? all.slice(-limit) : [], total: all.length };
  }

  async recordEvent(event: NewEvent): Promise<void> {
    this.events.push(event);
  }

  async spentSince(sinceIso: string): Promise<number> {
    return this.messages.filter((m) => m.createdAt >= sinceIso).reduce((sum, m) => sum + (m.costUsd ?? 0), 0);
  }
}
