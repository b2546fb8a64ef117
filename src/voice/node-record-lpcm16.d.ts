// The parts of node-record-lpcm16 (untyped CommonJS) this app uses.
declare module 'node-record-lpcm16' {
  import type { ChildProcess } from 'node:child_process';
  import type { Readable } from 'node:stream';

  export interface RecordOptions {
    sampleRate?: number;
    channels?: number;
    /** Resolved by the library as a module path inside its own folder: pass only allow-listed names. */
    recorder?: string;
    device?: string;
    audioType?: string;
    endOnSilence?: boolean;
  }

  export interface Recording {
    process: ChildProcess;
    stream(): Readable;
    stop(): void;
  }

  export function record(options?: RecordOptions): Recording;
  const lib: { record: typeof record };
  export default lib;
}
