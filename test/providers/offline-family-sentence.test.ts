import { describe, expect, it } from 'vitest';
import { answer, personaFrom } from './offline-shipped-support.js';

// The family status said in the first person keeps the names as written and says who the partner
// is: "Married to Siân, a part-time primary teacher" is no "married to siân, with a teacher".

function vet(familyStatus: string) {
  return personaFrom('gareth', {
    name: 'Gareth Pryce',
    baseSelection: { gender: 'Male', occupation: 'Rural veterinarian', location: 'Llandeilo, Wales', familyStatus },
  });
}

describe("the family status in the person's voice", () => {
  it('keeps the partner named and described', async () => {
    const reply = await answer(vet('Married to Siân, a part-time primary teacher; two children'), 'Are you married?');
    expect(reply).toMatch(/I'm married to Siân, a part-time primary teacher/);
    expect(reply).not.toMatch(/, with a part-time/);
  });

  it('still joins who else there is with "with"', async () => {
    expect(await answer(vet('Married, two children (14 and 10)'), 'Are you married?')).toMatch(
      /I'm married, with two children \(14 and 10\)/,
    );
  });
});
