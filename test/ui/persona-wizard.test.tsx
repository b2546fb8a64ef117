import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import type { PersonaAnswers } from '../../src/persona/author.js';
import { PersonaWizard } from '../../src/ui/wizard/PersonaWizard.js';
import { WIZARD_STEPS } from '../../src/ui/wizard/wizard-steps.js';
import { eventually, KEY, press } from './keyboard.js';

// The wizard reads keys the way the chat prompt does: several keys in one read, Ctrl-U, arrows.

const setup = (base?: Record<string, unknown>) => {
  const onDone = vi.fn<(answers: PersonaAnswers | null) => void>();
  const view = render(<PersonaWizard base={base} onDone={onDone} />);
  const screen = () => (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  return { ...view, onDone, screen };
};

/** The text typed into the field, as shown after the prompt mark. */
const field = (screen: string) => /›(.*)$/m.exec(screen)?.[1]?.trim();

/** Accepts every remaining step as it is, then saves. */
async function finish(w: ReturnType<typeof setup>): Promise<PersonaAnswers> {
  await eventually(() => expect(w.screen()).toMatch(/step \d+ of/), w);
  while (!w.screen().includes('New persona: review')) await press(w, KEY.enter);
  await press(w, 'y');
  await eventually(() => expect(w.onDone).toHaveBeenCalled(), w);
  return w.onDone.mock.calls[0]![0]!;
}

describe('PersonaWizard keys', () => {
  it('types and submits text and Enter that arrive in one read', async () => {
    const w = setup();
    await press(w, 'Ana Souza\r');
    await eventually(() => expect(w.screen()).toMatch(/step 2 of/), w);
    expect(w.screen()).toMatch(/^Age /m);
    await press(w, '41\r', 'Female\r');
    await eventually(() => expect(w.screen()).toMatch(/^Occupation /m), w);
    expect((await finish(w)).name).toBe('Ana Souza');
    expect(w.onDone.mock.calls[0]![0]).toMatchObject({ age: '41', gender: 'Female' });
  });

  it('clears the field with Ctrl-U', async () => {
    const w = setup();
    await press(w, 'Wrong Name');
    expect(field(w.screen())).toBe('Wrong Name');
    await press(w, '\x15');
    expect(field(w.screen())).toBe('');
    await press(w, 'Ana\r');
    expect((await finish(w)).name).toBe('Ana');
  });

  it('edits as the chat prompt does: arrows, Home, Ctrl-W, held Backspace', async () => {
    const w = setup();
    await press(w, 'Ana Suza', KEY.left, KEY.left, KEY.left, 'o', KEY.home, 'Dr ');
    expect(field(w.screen())).toBe('Dr Ana Souza');
    await press(w, '\x05', '\x17');
    expect(field(w.screen())).toBe('Dr Ana');
    await press(w, '\x7f\x7f\x7f\x7f\r'); // Ctrl-W left "Dr Ana ": four held Backspaces in one read
    expect((await finish(w)).name).toBe('Dr');
  });

  it('keeps a pasted line break as a space and does not submit on it', async () => {
    const w = setup();
    await press(w, `${KEY.pasteStart}Ana\r\nSouza${KEY.pasteEnd}`);
    expect(field(w.screen())).toBe('Ana Souza');
    expect(w.screen()).toMatch(/step 1 of/);
  });

  it('goes back a step with Up and cancels with Esc and Ctrl-C', async () => {
    const w = setup();
    await press(w, 'Ana\r', KEY.up);
    await eventually(() => expect(field(w.screen())).toBe('Ana'), w);
    await press(w, KEY.escape);
    await eventually(() => expect(w.onDone).toHaveBeenCalledWith(null), w);
    const c = setup();
    await press(c, 'Ana', KEY.ctrlC);
    await eventually(() => expect(c.onDone).toHaveBeenCalledWith(null), c);
  });
});

describe('wizard list fields', () => {
  it('tell the user that commas separate items', () => {
    const lists = WIZARD_STEPS.filter((s) => s.list);
    expect(lists.map((s) => s.key)).toEqual(['values', 'interests', 'goals', 'challenges', 'painPoints', 'motivations', 'objections']);
    for (const s of lists) expect(s.help).toMatch(/commas/);
  });

  it('leave a list copied with --from alone when accepted unchanged, so a comma inside an item survives', async () => {
    const w = setup({ name: 'Diane', psychographics: { values: ['honesty, above all', 'thrift'] }, id: 'cfo' });
    const answers = await finish(w);
    expect(answers.values).toBeUndefined();
    expect(answers.name).toBe('Diane');
  });
});
