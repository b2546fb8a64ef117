import { RecordingCancelledError } from '../../src/voice/errors.js';
import type { VoiceInput, VoiceResult } from '../../src/voice/index.js';
import type { VoiceStart } from '../../src/ui/services.js';

/**
 * A stand-in for the voice layer behind ChatServices.startVoice: the test plays the microphone
 * (levels), the recorder ending (stop), and the transcriber (finish / fail). Like the real one,
 * aborting the signal while recording rejects with RecordingCancelledError.
 */
export class FakeVoice {
  readonly starts: VoiceStart[] = [];
  stops = 0;
  private settle: { resolve(result: VoiceResult): void; reject(error: unknown): void } | undefined;
  private startError: unknown;

  /** The next startVoice call fails with `error` (no recorder, no transcriber). */
  failToStart(error: unknown): void {
    this.startError = error;
  }

  readonly startVoice = (start: VoiceStart): Promise<VoiceInput> => {
    this.starts.push(start);
    if (this.startError) {
      const error = this.startError;
      this.startError = undefined;
      return Promise.reject(error);
    }
    const result = new Promise<VoiceResult>((resolve, reject) => (this.settle = { resolve, reject }));
    result.catch(() => undefined);
    const cancel = () => this.settle?.reject(new RecordingCancelledError());
    start.signal.addEventListener('abort', cancel, { once: true });
    return Promise.resolve({
      levels: (async function* () {})(),
      stop: () => {
        this.stops++;
        start.onTranscribing();
      },
      cancel,
      result,
    });
  };

  private get latest(): VoiceStart {
    const start = this.starts[this.starts.length - 1];
    if (!start) throw new Error('FakeVoice: nothing is recording');
    return start;
  }

  level(rms: number, elapsedMs: number): void {
    this.latest.onLevel({ rms, elapsedMs });
  }

  finish(text: string, wavPath?: string): void {
    this.settle?.resolve({ text, wavPath, durationMs: 1800, transcriber: 'fake' });
  }

  fail(error: unknown): void {
    this.settle?.reject(error);
  }
}
