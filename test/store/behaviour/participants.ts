import { describe, expect, it } from 'vitest';
import { personaReply, snapshotInput, startSession, userMessage } from './fixtures.js';
import type { StoreFactory } from './store-factory.js';

// Group sessions: participants in speaking order, each reply's speaker, and the session listed,
// searched and deleted as one.

export function participantBehaviour(freshStore: StoreFactory): void {
  async function groupSession() {
    const store = await freshStore();
    const session = await startSession(store, 'maria-lopez', 'Maria Lopez');
    const tom = await store.saveSnapshot(snapshotInput('tom-okafor', 'Tom Okafor'));
    await store.addParticipants(session.id, [
      { personaId: 'maria-lopez', snapshotId: session.snapshotId },
      { personaId: 'tom-okafor', snapshotId: tom.id },
    ]);
    await store.appendMessage(userMessage(session.id, 'What about the subscription price?'));
    await store.appendMessage(personaReply(session.id, 'Maria finds it steep.', { speakerId: 'maria-lopez' }));
    await store.appendMessage(personaReply(session.id, 'Tom thinks the subscription is fair.', { speakerId: 'tom-okafor' }));
    await store.appendMessage({ ...userMessage(session.id, 'Why, Tom?'), addresseeId: 'tom-okafor' });
    return { store, session };
  }

  describe('group sessions', () => {
    it('keeps participants in order and each message’s speaker and addressee', async () => {
      const { store, session } = await groupSession();
      expect((await store.listParticipants(session.id)).map((p) => [p.position, p.personaId, p.name])).toEqual([
        [1, 'maria-lopez', 'Maria Lopez'],
        [2, 'tom-okafor', 'Tom Okafor'],
      ]);
      expect((await store.listMessages(session.id)).map((m) => [m.role, m.speakerId ?? null, m.addresseeId ?? null])).toEqual([
        ['user', null, null],
        ['persona', 'maria-lopez', null],
        ['persona', 'tom-okafor', null],
        ['user', null, 'tom-okafor'],
      ]);
    });

    it('is one entry in the list, with its participants, found under any of them', async () => {
      const { store, session } = await groupSession();
      await startSession(store, 'ana', 'Ana');
      const listed = (await store.listSessions()).find((s) => s.id === session.id)!;
      expect(listed.participants?.map((p) => p.name)).toEqual(['Maria Lopez', 'Tom Okafor']);
      expect((await store.listSessions({ personaId: 'tom-okafor' })).map((s) => s.id)).toEqual([session.id]);
      expect((await store.listSessions({ personaId: 'ana' }))[0]!.participants).toBeUndefined();
      expect((await store.getTranscript(session.id))!.session.participants).toHaveLength(2);
    });

    it('is the latest session, with its participants, when found without its totals', async () => {
      const { store, session } = await groupSession();
      const latest = await store.latestSessionRecord();
      expect(latest?.id).toBe(session.id);
      expect(latest?.participants?.map((p) => p.personaId)).toEqual(['maria-lopez', 'tom-okafor']);
      expect(latest).not.toHaveProperty('messageCount');
      // Continuing with one of its personas continues a one-to-one session, never the group.
      expect(await store.latestSessionRecord('maria-lopez')).toBeUndefined();
    });

    it('search names the participant who said it, and filters by participant', async () => {
      const { store } = await groupSession();
      const hits = await store.search('subscription');
      expect(hits.map((h) => [h.role, h.personaName]).sort()).toEqual([
        ['persona', 'Tom Okafor'],
        ['user', 'Maria Lopez'],
      ]);
      expect(await store.search('steep', { personaId: 'tom-okafor' })).toHaveLength(1);
      expect((await store.search('steep', { personaId: 'tom-okafor' }))[0]!.personaId).toBe('maria-lopez');
    });

    it('deleting the session deletes its participants', async () => {
      const { store, session } = await groupSession();
      expect(await store.deleteSession(session.id)).toBe(true);
      expect(await store.listParticipants(session.id)).toEqual([]);
      expect(await store.search('subscription')).toEqual([]);
    });
  });
}
