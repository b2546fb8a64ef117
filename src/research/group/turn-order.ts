import { seededRandom, shuffled } from '../../core/seeded-random.js';

// Who speaks when. Round-robin by default: the order the participants were named, rotated by one
// for each moderator message, so no one always answers first (and anchors the others). With a
// seed, each message gets its own shuffle, the same one for the same seed.

export type TurnOrder = { kind: 'round-robin' } | { kind: 'shuffled'; seed: number };

export function speakingOrder<T>(participants: readonly T[], turn: number, order: TurnOrder): T[] {
  const n = participants.length;
  if (n === 0) return [];
  if (order.kind === 'round-robin') {
    const start = turn % n;
    return [...participants.slice(start), ...participants.slice(0, start)];
  }
  return shuffled(participants, seededRandom(hash(order.seed, turn)));
}

function hash(seed: number, turn: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (turn + 1), 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}
