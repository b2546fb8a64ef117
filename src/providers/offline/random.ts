// The offline engine must give the same reply for the same seed and history (tests, reproducible
// demos), so every choice goes through this small seeded generator instead of Math.random.

/** FNV-1a: a fast, stable 32-bit string hash; good enough to spread seeds, not for security. */
export function hashString(text: string): number {
  return hashOn(FNV_OFFSET, text) >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a from `hash` on: hashing `a + b` is hashing `b` from the hash of `a`. */
function hashOn(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** mulberry32: tiny, fast and well distributed for picking among a handful of options. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** True with the given probability (clamped to 0-1). */
  chance(probability: number): boolean {
    return this.next() < Math.min(1, Math.max(0, probability));
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T | undefined {
    if (items.length === 0) return undefined;
    return items[Math.floor(this.next() * items.length)];
  }
}

/**
 * One seed per reply: the caller's seed (or, without one, the user's text) mixed with the whole
 * conversation, so a repeated question later in a session does not replay the same dice.
 */
export function replySeed(seed: number | undefined, history: readonly string[], userText: string): number {
  const base = seed ?? hashString(userText);
  // The hash of the earlier messages joined by \u0001, then \u0000 and the user's text, without
  // making that string (a long conversation's window, on every reply).
  let hash = FNV_OFFSET;
  history.forEach((text, i) => (hash = hashOn(i > 0 ? hashOn(hash, '\u0001') : hash, text)));
  hash = hashOn(hashOn(hash, '\u0000'), userText);
  return (base ^ (hash >>> 0)) >>> 0;
}
