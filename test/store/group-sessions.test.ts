import { describe, expect, it } from 'vitest';
import { freshStore, personaReply, rawConnection, snapshotInput, startSession, userMessage } from './helpers/fixtures.js';

// Group sessions in SQLite: participants in speaking order, each reply's speaker, and the
// session listed, searched and deleted as one.

function groupSession() {
  const store = freshStore();
  const session = startSession(store, 'maria-lopez', 'Maria Lopez');
  const tom = store.saveSnapshot(snapshotInput('tom-okafor', 'Tom Okafor'));
  store.addParticipants(session.id, [
    { personaId: 'maria-lopez', snapshotId: session.snapshotId },
    { personaId: 'tom-okafor', snapshotId: tom.id },
  ]);
  store.appendMessage(userMessage(session.id, 'What about the subscription price?'));
  store.appendMessage(personaReply(session.id, 'Maria finds it steep.', { speakerId: 'maria-lopez' }));
  store.appendMessage(personaReply(session.id, 'Tom thinks the subscription is fair.', { speakerId: 'tom-okafor' }));
  store.appendMessage({ ...userMessage(session.id, 'Why, Tom?'), addresseeId: 'tom-okafor' });
  return { store, session };
}

describe('group sessions', () => {
  it('keeps participants in order and each message’s speaker and addressee', () => {
    const { store, session } = groupSession();
    expect(store.listParticipants(session.id).map((p) => [p.position, p.personaId, p.name])).toEqual([
      [1, 'maria-lopez', 'Maria Lopez'],
      [2, 'tom-okafor', 'Tom Okafor'],
    ]);
    expect(store.listMessages(session.id).map((m) => [m.role, m.speakerId ?? null, m.addresseeId ?? null])).toEqual([
      ['user', null, null],
      ['persona', 'maria-lopez', null],
      ['persona', 'tom-okafor', null],
      ['user', null, 'tom-okafor'],
    ]);
  });

  it('is one entry in the list, with its participants, found under any of them', () => {
    const { store, session } = groupSession();
    startSession(store, 'ana', 'Ana');
    const listed = store.listSessions().find((s) => s.id === session.id)!;
    expect(listed.participants?.map((p) => p.name)).toEqual(['Maria Lopez', 'Tom Okafor']);
    expect(store.listSessions({ personaId: 'tom-okafor' }).map((s) => s.id)).toEqual([session.id]);
    expect(store.listSessions({ personaId: 'ana' })[0]!.participants).toBeUndefined();
    expect(store.getTranscript(session.id)!.session.participants).toHaveLength(2);
  });

  it('search names the participant who said it, and filters by participant', () => {
    const { store } = groupSession();
    const hits = store.search('subscription');
    expect(hits.map((h) => [h.role, h.personaName]).sort()).toEqual([
      ['persona', 'Tom Okafor'],
      ['user', 'Maria Lopez'],
    ]);
    expect(store.search('steep', { personaId: 'tom-okafor' })).toHaveLength(1);
    expect(store.search('steep', { personaId: 'tom-okafor' })[0]!.personaId).toBe('maria-lopez');
  });

  it('deleting the session deletes its participants', () => {
    const { store, session } = groupSession();
    expect(store.deleteSession(session.id)).toBe(true);
    expect(rawConnection(store).prepare('SELECT count(*) AS n FROM session_participants').get()).toEqual({ n: 0 });
  });
});
