import { readConfig } from '../../core/config.js';
import { ExitCode } from '../../core/errors.js';
import type { Config } from '../../core/config.js';
import { checkVoice, type VoiceCheck } from '../../voice/doctor.js';
import { probeRecording, type RecordingProbe } from '../../voice/probe-recorder.js';
import type { VoiceRecorder } from '../../voice/settings.js';
import { checkSetup } from '../doctor/setup-check.js';
import { c, printJson, println, sanitizeInline } from '../output.js';

/**
 * `persona voice check`: what voice input can use here, and how to fix what is missing.
 * `persona doctor`: the app's own setup first (settings, model, personas, history), then voice;
 * it fails only for the setup, since voice input is optional.
 */
/** checkVoice, plus a 0.2 s test recording when a recorder program is there. */
async function checkVoiceWithRecording(config: Config): Promise<VoiceCheck & { recording: RecordingProbe | null }> {
  const report = checkVoice(config);
  if (!report.recorder.path) return { ...report, recording: null };
  const recording = await probeRecording(report.recorder.name as VoiceRecorder, report.recorder.path, report.device ?? undefined);
  return { ...report, recording, ok: report.ok && recording.ok };
}

export default async function doctor(options: { json?: boolean; voiceOnly?: boolean }): Promise<void> {
  if (options.voiceOnly) {
    const report = await checkVoiceWithRecording(readConfig());
    if (options.json) printJson(report);
    else printReport(report);
    process.exitCode = report.ok ? ExitCode.ok : ExitCode.failure;
    return;
  }
  const setup = await checkSetup();
  const voice = setup.config ? await checkVoiceWithRecording(setup.config) : undefined;
  if (options.json) {
    printJson({ ok: setup.ok, setup: { home: setup.home, findings: setup.findings }, voice: voice ?? null });
  } else {
    println(c.bold('Setup'));
    for (const f of setup.findings) {
      println(f.untested ? maybe(sanitizeInline(f.what)) : f.ok ? yes(sanitizeInline(f.what)) : no(sanitizeInline(f.what)));
      if (f.fix) println(fixLine(sanitizeInline(f.fix)));
    }
    println();
    if (voice) printReport(voice);
  }
  process.exitCode = setup.ok ? ExitCode.ok : ExitCode.failure;
}

const yes = (text: string) => `${c.green('✓')} ${text}`;
const no = (text: string) => `${c.red('✗')} ${text}`;
const maybe = (text: string) => `${c.yellow('?')} ${text}`;
const fixLine = (text: string) => `    ${c.dim('fix:')} ${text}`;

function printReport(r: VoiceCheck & { recording: RecordingProbe | null }): void {
  println(c.bold('Voice input'));
  if (r.recorder.path) {
    println(yes(`recorder: ${r.recorder.name} (${r.recorder.path})`));
    if (r.recording?.ok) println(yes('test recording: 0.2 s captured from the microphone'));
    else if (r.recording) {
      println(no(`test recording: ${sanitizeInline(r.recording.problem)}`));
      println(fixLine('check that a microphone is connected and allowed; pick one with persona config set voice.device …'));
    }
  } else {
    println(no(`recorder: ${r.recorder.program} not found on PATH`));
    println(fixLine(`${r.recorder.install} (or persona config set voice.recorder sox|rec|arecord)`));
  }
  println(
    `  device: ${r.device ? sanitizeInline(r.device) : 'system default'} · ends after ${r.silenceSeconds ? `${r.silenceSeconds}s of silence` : 'Enter only (silence detection off)'}`,
  );
  if (r.local.usable) println(yes(`local transcriber: pocketsphinx (${r.local.binary}, model ${r.local.model})`));
  else {
    println(no(`local transcriber: ${r.local.binary ? 'pocketsphinx English model missing' : 'pocketsphinx not installed'}`));
    println(fixLine(r.local.install ?? ''));
  }
  if (r.openai.usable)
    println(yes(`openai transcriber: ${r.openai.model} at ${r.openai.baseUrlHost}${r.openai.keySet ? '' : ' (no key: a local server)'}`));
  else {
    println(no('openai transcriber: no OpenAI key or base URL'));
    println(fixLine(r.openai.fix ?? ''));
  }
  if (r.transcriber.selected)
    println(yes(`transcriber in use: ${r.transcriber.selected} (voice.transcriber = ${r.transcriber.configured})`));
  else {
    println(no(`transcriber: ${r.transcriber.problem ?? 'none available'}`));
    if (r.transcriber.fix) println(fixLine(r.transcriber.fix));
  }
  println(
    r.ok
      ? c.green('Ready: persona ask <persona> --voice')
      : c.yellow('Not ready yet: fix the items marked ✗ above (--audio-file works without a recorder).'),
  );
}
