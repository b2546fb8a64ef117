import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../src/store/fts-query.js';

describe('toFtsQuery', () => {
  it('quotes every word so operators become plain words', () => {
    expect(toFtsQuery('price AND quality')).toBe('"price" "AND" "quality"');
    expect(toFtsQuery('NEAR(a b)')).toBe('"NEAR(a" "b)"');
  });

  it('keeps a "quoted phrase" together', () => {
    expect(toFtsQuery('"credit card" fees')).toBe('"credit card" "fees"');
  });

  it('doubles a stray quote instead of leaving it unbalanced', () => {
    expect(toFtsQuery('"foo')).toBe('"""foo"');
  });

  it('keeps a trailing * as a prefix search', () => {
    expect(toFtsQuery('subscri*')).toBe('"subscri"*');
  });

  it('drops terms with nothing searchable and returns undefined when none are left', () => {
    expect(toFtsQuery('* ( ) - "" ')).toBeUndefined();
    expect(toFtsQuery('   ')).toBeUndefined();
    expect(toFtsQuery('* café')).toBe('"café"');
  });
});
