import { spawn } from 'node:child_process';
import { ExitCode, UserError } from '../core/errors.js';
import { VoiceError } from './errors.js';
import { sanitizeInline } from '../core/sanitize.js';
import { findPocketsphinxModel, POCKETSPHINX_INSTALL } from './pocketsphinx-install.js';
import type { Transcriber } from './transcriber.js';

/**
 * Offline speech to text with CMU pocketsphinx 0.8 (`pocketsphinx_continuous -infile f.wav`). It
 * prints one hypothesis line per utterance on stdout and its log on stderr. Accuracy is modest;
 * what it offers is no key and no network.
 */
export function createPocketsphinxTranscriber(binary: string): Transcriber {
  return {
    name: 'local',
    label: 'pocketsphinx (offline)',
    transcribe: (wavPath, options = {}) => runPocketsphinx(binary, wavPath, options.signal),
  };
}

function runPocketsphinx(binary: string, wavPath: string, signal: AbortSignal | undefined): Promise<string> {
  if (!findPocketsphinxModel()) {
    return Promise.reject(new VoiceError('the pocketsphinx English model is not installed', { hint: POCKETSPHINX_INSTALL }));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-infile', wavPath], { stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (part: string) => (stdout += part));
    child.stderr.setEncoding('utf8').on('data', (part: string) => (stderr = (stderr + part).slice(-2000)));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') reject(new UserError('transcription cancelled', { exitCode: ExitCode.interrupted }));
      else reject(new VoiceError(`pocketsphinx could not start: ${error.code ?? error.message}`, { hint: POCKETSPHINX_INSTALL }));
    });
    child.on('close', (code) => {
      if (code === 0) {
        resolve(parseHypotheses(stdout));
        return;
      }
      const last =
        stderr
          .trim()
          .split('\n')
          .filter((l) => /ERROR|FATAL/.test(l))
          .pop() ??
        stderr.trim().split('\n').pop() ??
        '';
      reject(new VoiceError(`pocketsphinx failed (exit ${code ?? 'signal'}): ${sanitizeInline(last).slice(0, 200)}`));
    });
  });
}

/** The hypothesis lines, joined: pocketsphinx splits speech at pauses into one line each. */
export function parseHypotheses(stdout: string): string {
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('INFO:') && !/^\d{9}:/.test(line))
    .join(' ')
    .trim();
}
