import { CommanderError, type Command } from 'commander';
import { ExitCode } from '../core/errors.js';
import { handleError } from './handle-error.js';
import { exitQuietlyOnClosedPipe } from './stdout-pipe.js';

/** Parses argv, runs the chosen command, and turns every failure into a message and exit code. */
export async function runProgram(program: Command, argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe();
  // Every level: a subcommand's own parse errors (unknown option, bad choice, missing argument)
  // must reach the catch below too, to exit with the usage code.
  const override = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(override);
  };
  override(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      process.exitCode = ok ? ExitCode.ok : ExitCode.usage;
      return;
    }
    process.exitCode = handleError(error);
  }
}
