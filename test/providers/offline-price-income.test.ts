import { describe, expect, it } from 'vitest';
import { answer, factsOnly, interview, shipped } from './offline-shipped-support.js';

// Asked for a figure the file does not give, the offline persona says it would have to check and
// may mention its income, which the file writes about the person ("from his superannuation
// pension"). The person says it as their own, as the income fact itself is said.

describe('a price question answered with the income', () => {
  it('says the income in the first person', async () => {
    const engineer = factsOnly(shipped('retired-engineer'));
    const replies: string[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      replies.push(
        ...(await interview(engineer, ['Would you pay for an app that tracks your medicines?', 'How much, roughly, per month?'], seed)),
      );
      replies.push(await answer(engineer, 'How much would you pay for it each month?', seed));
    }
    const withIncome = replies.filter((r) => /superannuation/.test(r));
    expect(withIncome.length, replies.join('\n')).toBeGreaterThan(0);
    for (const reply of withIncome) {
      expect(reply).toMatch(/\bmy superannuation pension\b/);
      expect(reply).not.toMatch(/\b(his|her) superannuation\b/);
    }
  });
});
