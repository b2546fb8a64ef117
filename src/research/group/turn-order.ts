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
  const random = mulberry32(hash(order.seed, turn));
  const shuffled = [...participants];
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}

function hash(seed: number, turn: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (turn + 1), 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

/** A small, well-known seeded generator: enough for a fair shuffle of a handful of people. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
