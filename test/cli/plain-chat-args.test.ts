import { describe, expect, it } from 'vitest';
import { plainChatArgs } from '../../src/cli/plain-chat-args.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

// `persona chat [persona] [--continue]` skips commander on its way to the first frame; every other
// form goes through commander. Both roads must end in the same place.

describe('which chat forms skip commander', () => {
  it('takes the persona and --continue (or -c), in either order', () => {
    expect(plainChatArgs(['chat'])).toEqual({ persona: undefined, continue: false });
    expect(plainChatArgs(['chat', 'cfo'])).toEqual({ persona: 'cfo', continue: false });
    expect(plainChatArgs(['chat', 'cfo', '--continue'])).toEqual({ persona: 'cfo', continue: true });
    expect(plainChatArgs(['chat', '-c', 'cfo'])).toEqual({ persona: 'cfo', continue: true });
    expect(plainChatArgs(['chat', '--continue'])).toEqual({ persona: undefined, continue: true });
  });

  it('leaves everything else to commander', () => {
    for (const argv of [
      ['ask', 'cfo'],
      ['chat', 'cfo', '--no-save'],
      ['chat', '--session', 'abc'],
      ['chat', 'cfo', '--continue', '--provider', 'openai'],
      ['chat', 'cfo', 'extra'],
      ['chat', '--help'],
      ['chat', '-c', '-c'],
      ['chat', '--continue=yes'],
    ]) {
      expect(plainChatArgs(argv), argv.join(' ')).toBeUndefined();
    }
  });
});

describe('persona chat --continue with and without commander', { timeout: 30_000 }, () => {
  it('refuses the same way when there is nothing to continue', async () => {
    const home = tempDir();
    const plain = await runCli(['chat', 'cfo', '--continue'], { home, input: 'hi\n' });
    // --over-budget changes nothing here but sends the same request through commander.
    const parsed = await runCli(['chat', 'cfo', '--continue', '--over-budget'], { home, input: 'hi\n' });
    expect(plain.code).toBe(2);
    expect([parsed.code, parsed.stderr]).toEqual([plain.code, plain.stderr]);
    expect(plain.stderr).toContain('no earlier session with cfo to continue');
  });

  it('continues the same session either way', async () => {
    const home = tempDir();
    expect((await runCli(['chat', 'cfo'], { home, input: 'First question about budgets\n' })).code).toBe(0);
    const plain = await runCli(['chat', '-c', 'cfo'], { home, input: 'Second question\n' });
    const parsed = await runCli(['chat', 'cfo', '-c', '--over-budget'], { home, input: 'Third question\n' });
    expect([plain.code, parsed.code]).toEqual([0, 0]);
    const sessions = await runCli(['sessions', 'list', '--json'], { home });
    expect(JSON.parse(sessions.stdout)).toHaveLength(1);
  });
});
