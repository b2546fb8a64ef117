import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { personaView } from '../../src/ui/chat/persona-view.js';
import type { PersonaView } from '../../src/ui/chat/persona-view.js';
import { filterPersonas, stem } from '../../src/ui/picker/filter-personas.js';
import { PersonaPicker } from '../../src/ui/picker/PersonaPicker.js';
import { PERSONAS } from './fake-services.js';
import { eventually, KEY, press } from './keyboard.js';

const views = PERSONAS.map(personaView);
const view = (id: string, name: string, role = '', summary = role): PersonaView => ({ id, name, role, summary, emoji: '●', color: 'cyan' });

describe('filterPersonas', () => {
  it('matches every typed word against id, name and role, best name matches first', () => {
    expect(filterPersonas(views, 'nurse').map((p) => p.id)).toEqual(['icu-nurse']);
    expect(filterPersonas(views, 'cto startup').map((p) => p.id)).toEqual(['startup-cto']);
    expect(filterPersonas(views, 'zzz')).toEqual([]);
    expect(filterPersonas(views, '').map((p) => p.id)).toEqual(['cfo', 'icu-nurse', 'startup-cto']);
  });

  const people = [
    view('cfo', 'Diane Kowalczyk', 'Chief Financial Officer · Manufacturing · Leeds, UK'),
    view('nurse-lead', 'Siobhan Gallagher', 'Ward manager · Healthcare · Stockport', 'Runs a nursing team on nights'),
    view('chef', 'Zoë Núñez', 'Head chef · Hospitality · Málaga'),
    view('analyst', 'Finn Carter', 'Analyst · Banking · Dublin'),
  ];
  const ids = (query: string) => filterPersonas(people, query).map((p) => p.id);

  it('finds a word by its relatives: finance/financial, nurse/nursing', () => {
    expect(ids('finance')).toEqual(['cfo']);
    expect(ids('financial officer')).toEqual(['cfo']);
    expect(ids('nurse')).toEqual(['nurse-lead']);
    expect(ids('nurses')).toEqual(['nurse-lead']);
    expect(stem('nursing')).toBe(stem('nurse'));
  });

  it('matches word starts in role, industry, location and summary, ignoring case and accents', () => {
    expect(ids('LEEDS')).toEqual(['cfo']);
    expect(ids('hospitality malaga')).toEqual(['chef']);
    expect(ids('zoe nunez')).toEqual(['chef']);
    expect(ids('nights')).toEqual(['nurse-lead']);
    // A word start, not any substring: "ank" is inside "Banking" but starts no word.
    expect(ids('ank')).toEqual([]);
  });

  it('puts name and id matches before matches found elsewhere', () => {
    // "fin" starts Finn's name and the CFO's "Financial": Finn comes first although listed later.
    expect(ids('fin')).toEqual(['analyst', 'cfo']);
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
    await press(p, KEY.down, KEY.down, KEY.up, KEY.enter);
    expect(p.onPick).toHaveBeenCalledWith('icu-nurse');
  });

  it('filters as you type', async () => {
    const p = setup();
    await press(p, 'kofi');
    expect(p.screen()).toContain('Kofi Mensah');
    expect(p.screen()).not.toContain('Diane');
    await press(p, KEY.enter);
    expect(p.onPick).toHaveBeenCalledWith('startup-cto');
  });

  it('applies every key of a read that holds several, before re-rendering', async () => {
    const p = setup();
    p.stdin.write(KEY.down + KEY.down + KEY.enter);
    await eventually(() => expect(p.onPick).toHaveBeenCalledWith('startup-cto'));
  });

  it('moves one row per arrow when several arrive in one read', async () => {
    const many = Array.from({ length: 12 }, (_, i) => view(`p${i + 1}`, `Person ${i + 1}`));
    const onPick = vi.fn();
    const picker = render(<PersonaPicker personas={many} onPick={onPick} onCancel={vi.fn()} />);
    picker.stdin.write(KEY.down.repeat(3));
    await eventually(() => expect(picker.lastFrame()).toMatch(/❯ ● Person 4 /));
    await press(picker, KEY.enter);
    expect(onPick).toHaveBeenCalledWith('p4');
  });

  it('says how many rows are hidden above and below the window', async () => {
    // ink-testing-library reports no height, so the picker assumes 24 rows: a window of 17.
    const many = Array.from({ length: 40 }, (_, i) => view(`p${i + 1}`, `Person ${i + 1}`));
    const picker = render(<PersonaPicker personas={many} onPick={vi.fn()} onCancel={vi.fn()} />);
    const frame = () => picker.lastFrame() ?? '';
    expect(frame()).not.toMatch(/↑ \d+ more/);
    expect(frame()).toContain('↓ 23 more');
    picker.stdin.write(KEY.down.repeat(29));
    await eventually(() => expect(frame()).toMatch(/❯ ● Person 30 /));
    const shown = frame()
      .split('\n')
      .filter((line) => /Person \d+ /.test(line)).length;
    expect(frame()).toContain('↑ 21 more');
    expect(frame()).toContain('↓ 2 more');
    expect(21 + shown + 2).toBe(40);
  });

  it('Esc clears a typed filter first, and quits only on an empty one', async () => {
    const p = setup();
    await press(p, 'zzz');
    expect(p.screen()).toContain('no persona matches "zzz"');
    await press(p, KEY.escape);
    await eventually(() => expect(p.screen()).toContain('Diane Kowalczyk'));
    expect(p.onCancel).not.toHaveBeenCalled();
    expect(p.screen()).not.toContain('zzz');
    await press(p, KEY.escape);
    await eventually(() => expect(p.onCancel).toHaveBeenCalled());
  });

  it('cancels with Esc', async () => {
    const p = setup();
    await press(p, KEY.escape);
    await eventually(() => expect(p.onCancel).toHaveBeenCalled());
  });
});
