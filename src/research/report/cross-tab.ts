import type { Distribution } from '../results/distribution.js';
import { groupValue } from '../results/persona-attributes.js';
import type { ResultRow } from '../results/run-results.js';

// A cross-tab: for one question, how each group of personas (by a field such as age band or
// location) spread over the answer buckets.

export interface CrossTab {
  field: string;
  groups: Array<{ value: string; total: number; counts: number[] }>;
  buckets: string[];
}

export function crossTab(rows: ResultRow[], dist: Distribution, field: string): CrossTab {
  const groups = new Map<string, { total: number; counts: number[] }>();
  for (const row of rows) {
    if (row.status !== 'valid' || row.answer === null) continue;
    const value = groupValue(row.persona, field);
    let group = groups.get(value);
    if (!group) groups.set(value, (group = { total: 0, counts: dist.buckets.map(() => 0) }));
    group.total++;
    dist.buckets.forEach((bucket, i) => {
      if (bucket.matches(row.answer!)) group.counts[i]!++;
    });
  }
  return {
    field,
    buckets: dist.buckets.map((b) => b.label),
    groups: [...groups.entries()]
      .map(([value, g]) => ({ value, ...g }))
      .sort((a, b) => a.value.localeCompare(b.value, undefined, { numeric: true })),
  };
}
