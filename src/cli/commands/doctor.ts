import { readConfig } from '../../core/config.js';
import { ExitCode } from '../../core/errors.js';
import { checkVoice, type VoiceCheck } from '../../voice/doctor.js';
import { c, printJson, println, sanitizeInline } from '../output.js';

/** `persona doctor` / `persona voice check`: what voice input can use here, and how to fix what is missing. */
export default async function doctor(options: { json?: boolean }): Promise<void> {
  const report = checkVoice(readConfig());
  if (options.json) printJson(report);
  else printReport(report);
  process.exitCode = report.ok ? ExitCode.ok : ExitCode.failure;
}

const yes = (text: string) => `${c.green('✓')} ${text}`;
const no = (text: string) => `${c.red('✗')} ${text}`;
const fixLine = (text: string) => `    ${c.dim('fix:')} ${text}`;

function printReport(r: VoiceCheck): void {
  println(c.bold('Voice input'));
  if (r.recorder.path) println(yes(`recorder: ${r.recorder.name} (${r.recorder.path})`));
  else {
    println(no(`recorder: ${r.recorder.program} not found on PATH`));
    println(fixLine(`${r.recorder.install} (or persona config set voice.recorder sox|rec|arecord)`));
  }
  println(`  device: ${r.device ? sanitizeInline(r.device) : 'system default'} · ends after ${r.silenceSeconds ? `${r.silenceSeconds}s of silence` : 'Enter only (silence detection off)'}`);
  if (r.local.usable) println(yes(`local transcriber: pocketsphinx (${r.local.binary}, model ${r.local.model})`));
  else {
    println(no(`local transcriber: ${r.local.binary ? 'pocketsphinx English model missing' : 'pocketsphinx not installed'}`));
    println(fixLine(r.local.install ?? ''));
  }
  if (r.openai.usable) println(yes(`openai transcriber: ${r.openai.model} at ${r.openai.baseUrlHost}${r.openai.keySet ? '' : ' (no key: a local server)'}`));
  else {
    println(no('openai transcriber: no OpenAI key or base URL'));
    println(fixLine(r.openai.fix ?? ''));
  }
  if (r.transcriber.selected) println(yes(`transcriber in use: ${r.transcriber.selected} (voice.transcriber = ${r.transcriber.configured})`));
  else {
    println(no(`transcriber: ${r.transcriber.problem ?? 'none available'}`));
    if (r.transcriber.fix) println(fixLine(r.transcriber.fix));
  }
  println(r.ok ? c.green('Ready: persona ask <persona> --voice') : c.yellow('Not ready yet: fix the items marked ✗ above (--audio-file works without a recorder).'));
}
