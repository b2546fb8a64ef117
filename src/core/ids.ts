import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A short, time-ordered id (ULID-like, lower-case Crockford base32): 10 characters of milliseconds
 * then 8 random ones. Sorting ids sorts by creation time, which keeps SQLite indexes append-only.
 */
export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  for (let i = 0; i < 8; i++) rand += ALPHABET[randomByte() % 32];
  return time + rand;
}

// Random bytes drawn from the OS a pool at a time: a busy server makes several ids per request,
// and a call into the OS for every 8 bytes was a measurable share of its CPU time.
const pool = Buffer.alloc(4096);
let used = pool.length;

function randomByte(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++]!;
}

/** `Chief Financial Officer (CFO).json` -> `chief-financial-officer-cfo`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}
