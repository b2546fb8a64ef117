import { describe, expect, it } from 'vitest';
import { runSlash } from '../../src/ui/commands/registry.js';
import type { CommandContext } from '../../src/ui/commands/types.js';
import type { SessionRecord, SessionSummary } from '../../src/core/records.js';
import { textWidth } from '../../src/ui/terminal-width/text-width.js';
import { persona } from '../persona/fixtures.js';
import { commandContext, fakeServices, PERSONAS } from './fake-services.js';

// /sessions and /persona print lists into the transcript: their columns must line up whichever row
// is the current one, and every row must stay on one line of the terminal.

const context = commandContext;

const summary = (id: string, personaName: string, messageCount: number, title: string): SessionSummary =>
  ({
    id,
    personaName,
    messageCount,
    title,
    lastActiveAt: '2026-11-24T09:36:00.000Z',
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
  }) as SessionSummary;

async function infoLines(args: { name: string; args?: string }, ctx: CommandContext): Promise<string[]> {
  const result = await runSlash({ name: args.name, args: args.args ?? '' }, ctx);
  if (result.type !== 'info') throw new Error(`expected info, got ${JSON.stringify(result)}`);
  return result.lines;
}

describe('/sessions', () => {
  const sessions = [
    summary(
      '01m86eejcpaaaa',
      'Diane Kowalczyk',
      19,
      'Show me how the quarterly forecast is built, line by line, with every assumption spelled out',
    ),
    summary('01m86ddxyzbbbb', 'Siobhan Gallagher', 4, 'Night shifts'),
    summary('01m86ccabcdddd', 'Kofi Mensah', 120, ''),
  ];
  const services = fakeServices({ listSessions: async () => sessions, knownSessionIds: () => sessions.map((s) => s.id) });

  it('lines up every column, the current row marked without shifting it', async () => {
    const [, ...rows] = await infoLines(
      { name: 'sessions' },
      context({ services, session: { id: '01m86eejcpaaaa' } as SessionRecord, width: 100 }),
    );
    expect(rows[0]).toMatch(/^\* 01m86eejcp {2}2026-11-24 09:36 {2}Diane Kowalczyk {4}/);
    expect(rows[1]).toMatch(/^ {2}01m86ddxyz {2}2026-11-24 09:36 {2}Siobhan Gallagher {2}/);
    // Each column starts at the same place on every row.
    for (const column of ['2026', ' msgs']) {
      const starts = rows.map((row) => row.indexOf(column.trim() === 'msgs' ? 'msg' : column));
      expect(new Set(starts).size).toBe(1);
    }
    expect(rows[1]).toContain('   4 msgs  Night shifts');
    expect(rows[2]).toMatch(/120 msgs$/);
  });

  it('cuts a long title with … so the row fits the width', async () => {
    for (const width of [80, 100]) {
      const [, first] = await infoLines({ name: 'sessions' }, context({ services, width }));
      expect(textWidth(first!)).toBe(width);
      expect(first).toMatch(/ {2}Show me how the qu.*…$/);
    }
  });

  it('fits 80 columns when the width is not known', async () => {
    const [, first] = await infoLines({ name: 'sessions' }, context({ services }));
    expect(textWidth(first!)).toBe(80);
  });
});

describe('/persona with no argument', () => {
  const wordy = persona(
    {
      name: 'Bartholomew Featherstonehaugh-Smythe',
      customInputs: { quote: 'I have a very great deal to say about procurement, supply chains and the weather in Lancashire, at length' },
    },
    'procurement-lead',
  );
  const services = fakeServices({ listPersonas: () => [...PERSONAS, wordy] });

  it('lists id, name and who they are in aligned columns, marking this persona', async () => {
    const [heading, ...rows] = await infoLines({ name: 'persona' }, context({ services, width: 100 }));
    expect(heading).toContain('/persona <id>');
    expect(rows[0]).toMatch(/^\* cfo {2,}Diane Kowalczyk {2,}CFO · Manufacturing$/);
    expect(rows[1]).toMatch(/^ {2}icu-nurse {2,}Siobhan Gallagher {2,}ICU nurse · Stockport$/);
    const nameStarts = rows.map((row) => row.search(/(Diane|Siobhan|Kofi|Bartholomew)/));
    expect(new Set(nameStarts).size).toBe(1);
  });

  it('cuts a long description to one line with …', async () => {
    const rows = await infoLines({ name: 'persona' }, context({ services, width: 80 }));
    const last = rows.at(-1)!;
    expect(last).toMatch(/^ {2}procurement-lead {2}Bartholomew Featherst… {2}I have a very/);
    expect(last.endsWith('…')).toBe(true);
    expect(textWidth(last)).toBe(80);
  });
});
