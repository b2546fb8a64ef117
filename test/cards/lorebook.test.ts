import { describe, expect, it } from 'vitest';
import type { ChatTurn } from '../../src/core/messages.js';
import { activeLoreEntries, mentionsKey } from '../../src/persona/cards/lorebook.js';

const names = { char: 'Sera', user: 'Kim' };
const said = (...texts: string[]): ChatTurn[] => texts.map((content, i) => ({ role: i % 2 ? 'persona' : 'user', content }));
const entry = (keys: string[], content: string, extra: Record<string, unknown> = {}) => ({
  keys,
  content,
  enabled: true,
  insertion_order: 0,
  extensions: {},
  ...extra,
});
const lore = (entries: unknown[], book: Record<string, unknown> = {}, turns = said('tell me about the dragon')) =>
  activeLoreEntries({ entries, ...book }, turns, names);

describe('lorebook entries', () => {
  it('fire when a key is mentioned, case-insensitively by default', () => {
    expect(lore([entry(['Dragon'], 'Dragons sleep in the north.')])).toEqual(['Dragons sleep in the north.']);
    expect(lore([entry(['castle'], 'The castle fell.')])).toEqual([]);
  });

  it('match keys at word starts, allowing plural endings', () => {
    expect(mentionsKey('two dragons and a cat', 'dragon', false)).toBe(true);
    expect(mentionsKey('education matters', 'cat', false)).toBe(false);
    expect(mentionsKey('the catalogue', 'cat', false)).toBe(false);
  });

  it('respect case_sensitive', () => {
    expect(lore([entry(['DRAGON'], 'x', { case_sensitive: true })])).toEqual([]);
    expect(lore([entry(['dragon'], 'x', { case_sensitive: true })])).toEqual(['x']);
  });

  it('skip disabled entries and always include constant ones', () => {
    expect(lore([entry(['dragon'], 'off', { enabled: false }), entry([], 'always', { constant: true })])).toEqual(['always']);
  });

  it('need a secondary key when selective', () => {
    const e = entry(['dragon'], 'red dragon lore', { selective: true, secondary_keys: ['red', 'crimson'] });
    expect(lore([e])).toEqual([]);
    expect(lore([e], {}, said('the red dragon'))).toEqual(['red dragon lore']);
    expect(lore([{ ...e, selective: false }])).toEqual(['red dragon lore']);
  });

  it('insert by insertion_order, lower first', () => {
    expect(lore([entry(['dragon'], 'second', { insertion_order: 20 }), entry(['dragon'], 'first', { insertion_order: 10 })])).toEqual([
      'first',
      'second',
    ]);
  });

  it('drop the lowest priority first when the token budget is short', () => {
    const long = (t: string) => `${t} ${'x'.repeat(396)}`; // about 100 tokens each
    const entries = [
      entry(['dragon'], long('low'), { priority: 1, insertion_order: 1 }),
      entry(['dragon'], long('high'), { priority: 9, insertion_order: 2 }),
      entry(['dragon'], long('mid'), { priority: 5, insertion_order: 3 }),
    ];
    expect(lore(entries, { token_budget: 210 }).map((t) => t.split(' ')[0])).toEqual(['high', 'mid']);
  });

  it('scan only the last scan_depth messages', () => {
    const turns = said('the dragon?', 'no idea', 'ok', 'fine');
    expect(lore([entry(['dragon'], 'x')], { scan_depth: 2 }, turns)).toEqual([]);
    expect(lore([entry(['dragon'], 'x')], { scan_depth: 4 }, turns)).toEqual(['x']);
  });

  it('let fired entries fire others only with recursive_scanning', () => {
    const entries = [entry(['dragon'], 'The dragon guards the grail.'), entry(['grail'], 'The grail heals.')];
    expect(lore(entries)).toEqual(['The dragon guards the grail.']);
    expect(lore(entries, { recursive_scanning: true })).toEqual(['The dragon guards the grail.', 'The grail heals.']);
  });

  it('never run a card regex, and honour V3 decorators', () => {
    expect(lore([entry(['(a+)+$'], 'regex', { use_regex: true })], {}, said('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'))).toEqual([]);
    expect(lore([entry(['zzz'], '@@activate\nalways on'), entry(['dragon'], '@@dont_activate\nnever')])).toEqual(['always on']);
  });

  it('fill {{char}} and {{user}} and ignore malformed entries and books', () => {
    expect(lore([{ keys: 'dragon' }, entry(['dragon'], '{{char}} fears it; {{user}} does not.')])).toEqual([
      'Sera fears it; Kim does not.',
    ]);
    expect(activeLoreEntries('not a book', said('dragon'), names)).toEqual([]);
  });
});

describe('lorebook keys from real cards', () => {
  it('honour regex keys (SillyTavern writes use_regex on every entry), and constant entries', () => {
    const entries = [
      entry(['/drag(on|ons)\\b/i'], 'Regex fired.', { use_regex: true }),
      entry(['castle'], 'Always here.', { use_regex: true, constant: true }),
      entry(['dragon'], 'Plain key under use_regex.', { use_regex: true }),
    ];
    expect(lore(entries)).toEqual(['Regex fired.', 'Always here.', 'Plain key under use_regex.']);
  });

  it('skip a catastrophic or invalid pattern without hanging: patterns run on a linear-time engine', () => {
    const evil = entry(['/(a+)+$/'], 'Evil fired.');
    const backref = entry(['/(a)\\1/'], 'Backreference fired.');
    const started = performance.now();
    expect(lore([evil, backref], {}, said(`${'a'.repeat(30000)}!`))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('match CJK keys inside text, without spaces around them', () => {
    expect(lore([entry(['玄天宗'], '玄天宗 is a sect.')], {}, said('玄天宗是什么？'))).toEqual(['玄天宗 is a sect.']);
    expect(mentionsKey('東京タワーに行きたい', '東京タワー', false)).toBe(true);
    expect(mentionsKey('서울에 가요', '서울', false)).toBe(true);
    expect(mentionsKey('the catalogue', 'cat', false)).toBe(false);
  });
});
