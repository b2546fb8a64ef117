import { describe, expect, it } from 'vitest';
import { workLeft } from '../../src/providers/offline/understand/leaving-work.js';
import { answer, personaFrom } from './offline-shipped-support.js';

// "What would make you leave nursing?" is about the work, not a product's deal-breakers: the
// reply is what wears on the person there (their frustrations), while leaving a vendor stays a
// walk-away question.

function driver() {
  return personaFrom('rosa', {
    name: 'Rosa Lima',
    baseSelection: { gender: 'Female', occupation: 'Long-haul truck driver', location: 'Porto, Portugal' },
    generatedInsights: {
      painPoints: ['Unpaid waiting time at loading docks', 'Parking areas with no showers'],
      objections: ['Apps that need a signal on mountain roads'],
    },
  });
}

describe('a question about leaving the work', () => {
  it('names the work by a job word or a word of the occupation ("driving" for a driver)', () => {
    expect(workLeft('What would make you quit driving?', 'Long-haul truck driver')).toEqual(['driv']);
    expect(workLeft('Would you ever leave your job?', 'Long-haul truck driver')).toEqual(['job']);
    expect(workLeft('What would make you leave nursing?', 'Senior staff nurse, adult intensive care')).toEqual(['nurs']);
    expect(workLeft('What would make you leave dentistry?', 'Dentist running her own practice')).toEqual(['dentistri']);
    // A role, whatever the file calls the occupation (a card may not say).
    expect(workLeft('What would make you quit being a brewer?', undefined)).toEqual(['brewer']);
    expect(workLeft('What would make you leave your current app?', 'Long-haul truck driver')).toBeUndefined();
    expect(workLeft('What is left of your budget at the end of the month?', 'Long-haul truck driver')).toBeUndefined();
    // What is left is the phrase after the verb, by its last word: a product, whatever it shares with the occupation.
    expect(workLeft('What would make you quit your truck stop app?', 'Long-haul truck driver')).toBeUndefined();
    expect(workLeft('What would make you leave your current software vendor?', 'Software engineer')).toBeUndefined();
    // "get out of" is what the job gives.
    expect(workLeft('What do you get out of driving?', 'Long-haul truck driver')).toBeUndefined();
  });

  it('is answered with what wears on them at work, not with what puts them off a product', async () => {
    const reply = await answer(driver(), 'What would make you quit driving?');
    expect(reply).toMatch(/waiting time|showers/i);
    expect(reply).not.toMatch(/signal/i);
  });

  it('leaving a product stays a walk-away question', async () => {
    expect(workLeft('What would make you leave your current app?', 'Long-haul truck driver')).toBeUndefined();
    expect(await answer(driver(), 'What would make you leave your current app?')).toMatch(/signal/i);
  });
});
