import { describe, expect, it } from 'vitest';
import { completeSlash } from '../../src/ui/commands/completion.js';
import { parseSlash, runSlash } from '../../src/ui/commands/registry.js';
import type { MessageRecord, SessionRecord } from '../../src/core/records.js';
import type { ActiveProvider } from '../../src/chat/engine.js';
import { UserError } from '../../src/core/errors.js';
import { commandContext, fakeServices } from './fake-services.js';

const context = commandContext;

describe('slash command parsing', () => {
  it('splits a command from its arguments and leaves ordinary messages alone', () => {
    expect(parseSlash('/export html notes.html')).toEqual({ name: 'export', args: 'html notes.html' });
    expect(parseSlash('/QUIT')).toEqual({ name: 'quit', args: '' });
    expect(parseSlash('hello /quit')).toBeUndefined();
    expect(parseSlash('//etc/hosts is a file')).toBeUndefined();
  });

  it('answers an unknown command with the closest one', async () => {
    const result = await runSlash({ name: 'rset', args: '' }, context());
    expect(result).toEqual({ type: 'error', message: 'unknown command /rset', hint: 'did you mean /reset? (/help lists them all)' });
  });

  it('finds commands by their other names', async () => {
    expect(await runSlash({ name: 'exit', args: '' }, context())).toEqual({ type: 'quit' });
  });

  it('turns a UserError from an action into an error result with its hint', async () => {
    const result = await runSlash({ name: 'persona', args: 'nobody' }, context());
    expect(result).toEqual({ type: 'error', message: 'no persona with id "nobody"', hint: 'did you mean "cfo"?' });
  });

  it('switches persona by id', async () => {
    const result = await runSlash({ name: 'persona', args: 'icu-nurse' }, context());
    expect(result).toMatchObject({ type: 'switch-persona', persona: { id: 'icu-nurse' } });
  });

  it('refuses /retry and /export before anything was said', async () => {
    expect(await runSlash({ name: 'retry', args: '' }, context())).toMatchObject({ type: 'error', message: 'nothing to retry yet' });
    expect(await runSlash({ name: 'export', args: '' }, context())).toMatchObject({ type: 'error', message: 'nothing to export yet' });
  });

  it('passes the export format and file through, in either order of presence', async () => {
    const calls: unknown[][] = [];
    const services = fakeServices({ exportSession: async (...args) => (calls.push(args), '/x/out.html') });
    const session = { id: 's1' } as SessionRecord;
    const result = await runSlash({ name: 'export', args: 'html my notes.html' }, context({ services, session }));
    expect(calls).toEqual([['s1', 'html', 'my notes.html']]);
    expect(result).toEqual({ type: 'info', lines: ['Exported to /x/out.html'] });
    await runSlash({ name: 'export', args: 'notes.txt' }, context({ services, session }));
    expect(calls[1]).toEqual(['s1', undefined, 'notes.txt']);
  });

  it('refuses a format it does not have instead of writing a file named after it', async () => {
    const calls: unknown[][] = [];
    const services = fakeServices({ exportSession: async (...args) => (calls.push(args), '/x/pdf') });
    const result = await runSlash({ name: 'export', args: 'pdf' }, context({ services, session: { id: 's1' } as SessionRecord }));
    expect(result).toEqual({ type: 'error', message: 'no "pdf" export: choose md, json, html or txt, e.g. /export html notes.html' });
    expect(calls).toEqual([]);
  });

  it('says in plain words that an export folder does not exist, with the path', async () => {
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open '/nonexistent/dir/x.txt'"), {
      code: 'ENOENT',
      path: '/nonexistent/dir/x.txt',
    });
    const services = fakeServices({ exportSession: () => Promise.reject(missing) });
    const result = await runSlash(
      { name: 'export', args: 'txt /nonexistent/dir/x.txt' },
      context({ services, session: { id: 's1' } as SessionRecord }),
    );
    expect(result).toEqual({
      type: 'error',
      message: 'cannot write /nonexistent/dir/x.txt: the folder /nonexistent/dir does not exist',
      hint: 'create the folder first, or give a path in a folder that exists',
    });
  });

  it("gives the chat's own command, not the shell's, when /resume finds no session", async () => {
    const services = fakeServices({
      openSession: (ref) => {
        throw new UserError(`no session "${ref}"`, { hint: 'see `persona sessions list`' });
      },
    });
    expect(await runSlash({ name: 'resume', args: 'zzz' }, context({ services }))).toEqual({
      type: 'error',
      message: 'no session "zzz"',
      hint: 'see /sessions',
    });
  });

  it('refuses /model on the offline engine instead of relabelling it', async () => {
    const asked: unknown[] = [];
    const services = fakeServices({ activeProvider: (...args) => (asked.push(args), Promise.reject(new Error('must not be asked'))) });
    const result = await runSlash({ name: 'model', args: 'gpt-4o' }, context({ services }));
    expect(result).toEqual({
      type: 'error',
      message: 'the offline engine has one model (persona-offline-1): it cannot answer as gpt-4o',
      hint: 'for a live model, switch provider: /provider openai <model> or /provider anthropic <model>',
    });
    expect(await runSlash({ name: 'provider', args: 'offline gpt-4o' }, context({ services }))).toMatchObject({ type: 'error' });
    expect(asked).toEqual([]);
  });

  it('changes the model of a live provider', async () => {
    const active = { provider: { name: 'openai' }, model: 'gpt-4o' } as unknown as ActiveProvider;
    const asked: unknown[] = [];
    const services = fakeServices({ activeProvider: async (...args) => (asked.push(args), active) });
    const result = await runSlash(
      { name: 'model', args: 'gpt-4o' },
      context({ services, provider: { name: 'openai', model: 'gpt-4o-mini' } }),
    );
    expect(result).toEqual({ type: 'set-provider', active });
    expect(asked).toEqual([['openai', 'gpt-4o']]);
  });

  it('adds up tokens and cost for /cost, flagging replies with no known price', async () => {
    const reply = (costUsd: number | null) => ({ role: 'persona', inputTokens: 1000, outputTokens: 200, costUsd }) as MessageRecord;
    const result = await runSlash(
      { name: 'cost', args: '' },
      context({ session: { id: 's' } as SessionRecord, messages: async () => [reply(0.01), reply(null)] }),
    );
    expect(result).toEqual({
      type: 'info',
      lines: [
        'Cost of this session:',
        'Replies: 2',
        'Tokens: 2.0k in, 400 out',
        'Cost: ≥$0.01 (some replies used a model with no known price)',
      ],
    });
  });
});

describe('slash command completion', () => {
  it('completes a unique command name and lists several', () => {
    expect(completeSlash('/ret', context())).toEqual({ text: '/retry ', candidates: [] });
    expect(completeSlash('/p', context())).toEqual({ text: '/p', candidates: ['/persona', '/provider', '/prompt', '/profile'] });
    expect(completeSlash('/pe', context()).text).toBe('/persona ');
  });

  it('completes arguments: persona ids and export formats', () => {
    expect(completeSlash('/persona ic', context())).toEqual({ text: '/persona icu-nurse ', candidates: [] });
    expect(completeSlash('/persona ', context()).candidates).toEqual(['cfo', 'icu-nurse', 'startup-cto']);
    expect(completeSlash('/export h', context()).text).toBe('/export html ');
  });

  it('leaves ordinary text alone', () => {
    expect(completeSlash('hello', context())).toEqual({ text: 'hello', candidates: [] });
  });
});
