import { describe, expect, it } from 'vitest';
import { combineContexts, greetingContextFor } from '../../src/persona/opening-context.js';
import { persona } from './fixtures.js';

describe('greetingContextFor', () => {
  const greeter = persona({ chatProfile: { greeting: 'I have twenty minutes. Go.' } });

  it('tells the model how the chat opened until the persona has spoken', () => {
    const hook = greetingContextFor(greeter)!;
    expect(hook([{ role: 'user', content: 'hi' }])).toContain('I have twenty minutes. Go.');
    expect(
      hook([
        { role: 'user', content: 'hi' },
        { role: 'persona', content: 'hello' },
        { role: 'user', content: 'so' },
      ]),
    ).toBeUndefined();
  });

  it('says the user has not seen it when the front end did not show it', () => {
    const hook = greetingContextFor(greeter, false)!;
    expect(hook([{ role: 'user', content: 'hi' }])).toMatch(/has not seen this yet[^]*I have twenty minutes\. Go\./);
    expect(hook([{ role: 'user', content: 'hi' }])).not.toContain('You opened it with this message');
  });

  it('adds nothing for a persona without a greeting', () => {
    expect(greetingContextFor(persona({}))).toBeUndefined();
  });
});

describe('combineContexts', () => {
  it('joins what each hook returns and skips the silent ones', () => {
    const hook = combineContexts(
      () => 'one',
      undefined,
      () => undefined,
      () => 'two',
    )!;
    expect(hook([])).toBe('one\n\ntwo');
    expect(combineContexts(undefined)).toBeUndefined();
    expect(combineContexts(() => undefined)!([])).toBeUndefined();
  });
});
