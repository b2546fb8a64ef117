import { handleError } from './handle-error.js';
import { exitQuietlyOnClosedPipe } from './stdout-pipe.js';

// `persona chat <persona>` with no options is how the chat is opened nearly every time, and its
// first frame is the product's face. That form needs no parsing, so it skips loading and building
// the commander program (about 20 ms of start-up). Anything else, options or help included, goes
// through commander as usual (main.ts decides).

export async function runPlainChat(persona: string | undefined): Promise<void> {
  exitQuietlyOnClosedPipe();
  try {
    const { default: chat } = await import('./commands/chat.js');
    await chat(persona, {});
  } catch (error) {
    process.exitCode = handleError(error);
  }
}
