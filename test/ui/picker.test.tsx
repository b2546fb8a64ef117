import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { personaView } from '../../src/ui/chat/persona-view.js';
import { filterPersonas } from '../../src/ui/picker/filter-personas.js';
import { PersonaPicker } from '../../src/ui/picker/PersonaPicker.js';
import { PERSONAS } from './fake-services.js';
import { KEY, press } from './keyboard.js';

const views = PERSONAS.map(personaView);

describe('filterPersonas', () => {
  it('matches every typed word against id, name and role, best name matches first', () => {
    expect(filterPersonas(views, 'nurse').map((p) => p.id)).toEqual(['icu-nurse']);
    expect(filterPersonas(views, 'cto startup').map((p) => p.id)).toEqual(['startup-cto']);
    expect(filterPersonas(views, 'zzz')).toEqual([]);
    expect(filterPersonas(views, '').map((p) => p.id)).toEqual(['cfo', 'icu-nurse', 'startup-cto']);
  });
});

describe('PersonaPicker', () => {
  const setup = () => {
    const onPick = vi.fn();
    const onCancel = vi.fn();
    const view = render(<PersonaPicker personas={views} onPick={onPick} onCancel={onCancel} />);
    return { ...view, onPick, onCancel, screen: () => view.lastFrame() ?? '' };
  };

  it('lists personas with emoji, name, id and one line', () => {
    const p = setup();
    expect(p.screen()).toContain('📊 Diane Kowalczyk');
    expect(p.screen()).toMatch(/Diane Kowalczyk\s+cfo\s+CFO/);
    expect(p.screen()).toContain('CFO · Manufacturing');
  });

  it('moves with the arrows and picks with Enter', async () => {
    const p = setup();
    await press(p.stdin, KEY.down, KEY.down, KEY.up, KEY.enter);
    expect(p.onPick).toHaveBeenCalledWith('icu-nurse');
  });

  it('filters as you type', async () => {
    const p = setup();
    await press(p.stdin, 'kofi');
    expect(p.screen()).toContain('Kofi Mensah');
    expect(p.screen()).not.toContain('Diane');
    await press(p.stdin, KEY.enter);
    expect(p.onPick).toHaveBeenCalledWith('startup-cto');
  });

  it('cancels with Esc', async () => {
    const p = setup();
    await press(p.stdin, KEY.escape);
    await new Promise((r) => setTimeout(r, 30));
    expect(p.onCancel).toHaveBeenCalled();
  });
});
