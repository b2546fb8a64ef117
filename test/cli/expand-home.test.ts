import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandHome } from '../../src/cli/chat/chat-services.js';

describe('/export file names', () => {
  it('read ~ as the home folder, as a shell would', () => {
    expect(expandHome('~/notes.md')).toBe(join(homedir(), 'notes.md'));
    expect(expandHome('~')).toBe(homedir());
    expect(expandHome('notes/~draft.md')).toBe('notes/~draft.md');
    expect(expandHome('~other/notes.md')).toBe('~other/notes.md');
  });
});
