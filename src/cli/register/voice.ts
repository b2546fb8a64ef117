import type { Command } from 'commander';

// `persona doctor` and `persona voice check`: one check of the setup, the second limited to voice input.
// Definitions only; the action loads when the command runs.

export function register(program: Command): void {
  const doctorAction = (voiceOnly: boolean) => async (options: { json?: boolean }) =>
    (await import('../commands/doctor.js')).default({ ...options, voiceOnly });
  program
    .command('doctor')
    .description('check the setup: settings, which model answers, personas, history database, and voice input (with fixes)')
    .option('--json', 'print JSON')
    .action(doctorAction(false));
  const voice = program.command('voice').description('voice input: speak instead of typing (persona ask <persona> --voice)');
  voice
    .command('check')
    .description('what voice input can use here: recorder, device, transcriber (exit 1 when not ready)')
    .option('--json', 'print JSON')
    .action(doctorAction(true));
}
