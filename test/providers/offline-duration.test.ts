import { describe, expect, it } from 'vitest';
import { asksHowLong, durationAnswerFor } from '../../src/providers/offline/recall/duration-sentence.js';
import { answer, personaFrom, shipped } from './offline-shipped-support.js';

// "How long did you drive buses?" asks for a stretch of time: the sentence of the file that has
// one and shares most words with the question, not the topic's answer (age and pension).

function busDriver() {
  return personaFrom('tam', {
    name: 'Tam McAllister',
    baseSelection: { gender: 'Male', age: 68, occupation: 'Retired bus driver', location: 'Govan, Glasgow' },
    customInputs: {
      background:
        'Tam is a retired bus driver from Govan. His income is the state pension plus a First Bus pension, about £1,650 a month. He drove for First Glasgow for 31 years and retired in 2021. He has had a Rangers season ticket for 40 years, about £560 a season. He takes 60 tablets a month for his sugar.',
    },
  });
}

describe('a "how long" question', () => {
  it('is told from "how long", "since when" and "how many years"', () => {
    expect(asksHowLong('How long did you drive buses?')).toBe(true);
    expect(asksHowLong('Since when have you lived there?')).toBe(true);
    expect(asksHowLong('How many years have you farmed?')).toBe(true);
    expect(asksHowLong('How many cows do you have?')).toBe(false);
  });

  it('gets the sentence with the stretch of time that shares the most words', async () => {
    expect(await answer(busDriver(), 'How long did you drive buses?')).toMatch(/I drove for First Glasgow for 31 years/);
    expect(await answer(busDriver(), 'How long have you had a season ticket?')).toMatch(/season ticket for 40 years/);
  });

  it('takes no amount ("£1,650 a month") or rate ("60 tablets a month") for a stretch of time', () => {
    const found = durationAnswerFor(busDriver(), 'How long have you had your pension?');
    expect(found).toBeUndefined();
    expect(durationAnswerFor(busDriver(), 'How long have you taken tablets?')).toBeUndefined();
  });

  it("on a shipped persona: the nurse's own line on her years qualified; the CFO's Epicor since 2011", async () => {
    expect(await answer(shipped('icu-nurse'), 'How long have you been a nurse?')).toMatch(/Fourteen years qualified/);
    expect(await answer(shipped('cfo'), 'How long have you used Epicor?')).toMatch(/installed in 2011/);
  });
});

describe('a year as a stretch of time', () => {
  it('counts with a verb of starting, not alone', () => {
    const vet = personaFrom('gareth', {
      name: 'Gareth Pryce',
      baseSelection: { gender: 'Male', occupation: 'Rural veterinarian' },
      customInputs: {
        background:
          'In 2021 the practice spent £18,000 on a portable X-ray. He drives a 2017 Toyota Hilux. He joined the practice in 2009.',
      },
    });
    const found = durationAnswerFor(vet, 'How long have you had the practice?');
    expect(found && 'fact' in found ? found.fact.text : found).toBe('He joined the practice in 2009.');
    expect(durationAnswerFor(vet, 'How long have you had the Hilux?')).toBeUndefined();
  });
});

describe('how long in the work', () => {
  it('"How long have you been a dentist?" counts the work\'s own words, not a plan that names dentists', async () => {
    const dentist = personaFrom('elodie', {
      name: 'Élodie Marchand',
      baseSelection: { gender: 'Female', occupation: 'Dentist running her own practice' },
      customInputs: { background: 'Élodie has run her own practice for 12 years. She wants to hire a second dentist within two years.' },
    });
    expect(await answer(dentist, 'How long have you been a dentist?')).toMatch(/own practice for 12 years/);
  });

  it('"long" is not the subject: "How long is your commute?" is not about long contracts', async () => {
    const driver = personaFrom('kim', { name: 'Kim Lee', generatedInsights: { objections: ['Long contracts'] } });
    expect(await answer(driver, 'How long is your commute?')).not.toMatch(/contract/i);
  });
});
