import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A deterministic corpus of broken and hostile persona files, generated at test time from a
// seeded PRNG. `mustFail` marks the files no loader may accept (broken JSON, wrong types, junk);
// the others (hostile but well-formed) may load, cleaned, or be refused, but never crash anything.

export interface CorpusFile {
  file: string;
  kind: string;
  mustFail: boolean;
}

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

const BASE = {
  name: 'Fuzz Target',
  baseSelection: { age: 41, occupation: 'Controller', location: 'Lyon' },
  customInputs: { background: 'Keeps the books of a mid-size firm.', quote: 'Show me the numbers.' },
  psychographics: {
    personalityTraits: { openness: 0.4, conscientiousness: 0.9, extraversion: 0.3, agreeableness: 0.5, neuroticism: 0.3 },
    values: ['accuracy'],
    interests: ['cycling'],
  },
  generatedInsights: { painPoints: ['manual reconciliation'], objections: ['another tool?'] },
};

/** Escape sequences and invisible characters a hostile file might carry. */
export const HOSTILE_STRINGS = [
  '\u001b[2J\u001b[H',
  '\u001b]0;pwned\u0007',
  '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\',
  '\u009b31m',
  '\u001bP+q\u001b\\',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  '\u0000\u0007\u0008\u007f',
  '\u200b\u200d\ufeff',
];

const WRONG_TYPES: Array<Record<string, unknown>> = [
  { name: 42 },
  { name: null },
  { name: ['a'] },
  { name: { first: 'A' } },
  { ...BASE, psychographics: 'curious' },
  { ...BASE, name: true },
  { ...BASE, psychographics: { personalityTraits: { openness: 'high' } } },
  { ...BASE, name: 0 },
  { ...BASE, name: {} },
  { ...BASE, baseSelection: [] },
  { ...BASE, generatedInsights: { painPoints: [1, 2, 3] } },
  { ...BASE, customInputs: 5 },
  { ...BASE, chatProfile: { verbosity: 'infinite' } },
  { ...BASE, name: '' },
  { ...BASE, profilePicture: { color: 12 } },
];

export function generateCorpus(dir: string, seed = 20240601): CorpusFile[] {
  mkdirSync(dir, { recursive: true });
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const files: CorpusFile[] = [];
  const add = (kind: string, content: string | Buffer, mustFail: boolean) => {
    const file = join(dir, `${String(files.length).padStart(3, '0')}-${kind}.json`);
    writeFileSync(file, content);
    files.push({ file, kind, mustFail });
  };
  const valid = JSON.stringify(BASE, null, 2);

  for (let i = 0; i < 70; i++) add('truncated', valid.slice(0, 1 + Math.floor(random() * (valid.length - 2))), true);
  for (let i = 0; i < 45; i++) add('wrong-type', JSON.stringify(WRONG_TYPES[i % WRONG_TYPES.length]), true);
  for (let i = 0; i < 40; i++) {
    const junk = Buffer.alloc(16 + Math.floor(random() * 2048));
    for (let j = 0; j < junk.length; j++) junk[j] = Math.floor(random() * 256);
    // A leading '{' would sometimes parse a prefix; keep junk unambiguous.
    if (junk[0] === 0x7b || junk[0] === 0x5b) junk[0] = 0;
    add('binary', junk, true);
  }
  for (const text of ['', '\ufeff', 'null', '[]', '"just a string"', '42', 'true', '{}', '{"name": "x",}', "{'name': 'x'}"])
    add('not-an-object', text, true);
  for (let i = 0; i < 15; i++) {
    const depth = [100, 1_000, 10_000, 100_000, 500_000][i % 5]!;
    add('deep-nesting', `{"name":"Deep","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`, false);
  }
  for (let i = 0; i < 10; i++) add('deep-unclosed', `{"name":"Deep","extra":${'{"a":'.repeat(5_000 * (i + 1))}`, true);
  for (let i = 0; i < 12; i++) {
    const size = [100_000, 1_000_000, 5_000_000][i % 3]!;
    const field = pick(['name', 'background', 'quote', 'occupation']);
    const huge = pick(['A', 'é', '😀', '\u001b[31m']).repeat(size / 4);
    const data =
      field === 'name'
        ? { ...BASE, name: huge }
        : field === 'occupation'
          ? { ...BASE, baseSelection: { ...BASE.baseSelection, occupation: huge } }
          : { ...BASE, customInputs: { ...BASE.customInputs, [field]: huge } };
    add('huge-string', JSON.stringify(data), false);
  }
  const protoPayloads = [
    '{"__proto__":{"polluted":"yes"},"name":"Proto"}',
    '{"name":"Proto","constructor":{"prototype":{"polluted":"yes"}}}',
    '{"name":"Proto","customInputs":{"__proto__":{"polluted":"yes"}}}',
    '{"name":"Proto","psychographics":{"personalityTraits":{"__proto__":{"openness":1,"polluted":"yes"}}}}',
    '{"name":"Proto","chatProfile":{"__proto__":{"polluted":"yes"}}}',
    '{"name":"Proto","generatedInsights":{"painPoints":{"__proto__":["x"]}}}',
  ];
  for (let i = 0; i < 30; i++) add('proto', protoPayloads[i % protoPayloads.length]!, false);
  for (let i = 0; i < 50; i++) {
    const evil = () => `${pick(['Ana', 'Bo', ''])}${pick(HOSTILE_STRINGS)}${pick(['', 'Smith', HOSTILE_STRINGS[0]!])}`;
    const data = {
      ...BASE,
      id: i % 5 === 0 ? `../../${evil()}` : undefined,
      name: evil(),
      customInputs: { background: evil(), quote: evil() },
      baseSelection: { ...BASE.baseSelection, occupation: evil() },
      psychographics: { ...BASE.psychographics, values: [evil(), evil()] },
    };
    add('control-bidi', JSON.stringify(data), false);
  }
  for (let i = 0; i < 20; i++)
    add(
      'bad-id',
      JSON.stringify({ ...BASE, id: pick(['../../etc/passwd', '/abs/path', 'a b', 'x'.repeat(500), 'CON', '', '.', '\u0000nul']) }),
      false,
    );
  return files;
}
