import { handleError } from './handle-error.js';
import type { PlainChatArgs } from './plain-chat-args.js';
import { exitQuietlyOnClosedPipe } from './stdout-pipe.js';

// `persona chat <persona>`, with --continue or without, is how the chat is opened nearly every
// time, and its first frame is the product's face. Those forms need no parsing, so they skip
// loading and building the commander program (commander alone is 125 kB of the bundle). Anything
// else, other options or help included, goes through commander as usual (main.ts decides, with
// plain-chat-args.ts).

export async function runPlainChat({ persona, continue: reopen }: PlainChatArgs): Promise<void> {
  exitQuietlyOnClosedPipe();
  try {
    const { default: chat } = await import('./commands/chat.js');
    await chat(persona, reopen ? { continue: true } : {});
  } catch (error) {
    process.exitCode = handleError(error);
  }
}
