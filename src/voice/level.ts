// Loudness of 16-bit PCM, for the level meter and for ending a recording on silence.

/** Below this RMS (0..1) a chunk counts as silence: quiet room noise on a laptop microphone. */
export const SILENCE_RMS = 0.02;

/** Root mean square of little-endian 16-bit samples, 0..1. */
export function rmsOf(pcm: Buffer): number {
  const count = Math.floor(pcm.length / 2);
  if (count === 0) return 0;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const s = pcm.readInt16LE(i * 2) / 32768;
    sum += s * s;
  }
  return Math.sqrt(sum / count);
}

/**
 * Says when a recording should end: after the speaker has said something and then stayed quiet
 * for `silenceMs`. Silence before the first word never ends it (people take a breath first).
 */
export class SilenceDetector {
  private heardSpeech = false;
  private quietMs = 0;

  constructor(
    private readonly silenceMs: number,
    private readonly threshold = SILENCE_RMS,
  ) {}

  /** Feeds one chunk's level and length; true when the recording should stop. */
  push(rms: number, chunkMs: number): boolean {
    if (this.silenceMs <= 0) return false;
    if (rms >= this.threshold) {
      this.heardSpeech = true;
      this.quietMs = 0;
      return false;
    }
    if (!this.heardSpeech) return false;
    this.quietMs += chunkMs;
    return this.quietMs >= this.silenceMs;
  }
}
