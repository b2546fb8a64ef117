import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { homePaths } from '../core/home.js';
import { newId } from '../core/ids.js';

// Recordings live under <home>/audio: first as audio/<id>.wav the moment they are captured (so a
// failed transcription loses nothing), then, when kept with a saved message, beside their session
// as audio/<session id>/<message id>.wav.

/** Writes a recording to the audio folder; returns its path. */
export function saveRecording(wav: Buffer, audioDir: string = homePaths().audio): string {
  mkdirSync(audioDir, { recursive: true });
  const file = join(audioDir, `${newId()}.wav`);
  writeFileSync(file, wav, { mode: 0o600 });
  return file;
}

/** Moves a kept recording beside its session; returns the new path. */
export function fileWithSession(wavPath: string, sessionId: string, messageId: string, audioDir: string = homePaths().audio): string {
  const dir = join(audioDir, sessionId);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `${messageId}.wav`);
  renameSync(wavPath, target);
  return target;
}

export function discardRecording(wavPath: string): void {
  rmSync(wavPath, { force: true });
}
