import { InputFileError } from '../core/errors.js';

// WAV in, 16 kHz mono 16-bit WAV out: the one format both transcribers take (pocketsphinx needs
// exactly this; the OpenAI endpoint accepts it and it keeps uploads small).

export const SPEECH_SAMPLE_RATE = 16_000;
const HEADER_BYTES = 44;
const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Decoded audio: one Float32Array per channel, samples in [-1, 1]. */
export interface DecodedAudio {
  sampleRate: number;
  channels: Float32Array[];
}

function fail(file: string, message: string, hint?: string): never {
  throw new InputFileError(file, [{ path: '', message, ...(hint ? { hint } : {}) }]);
}

const CONVERT_HINT = 'use a PCM or float WAV file, e.g. convert with: sox input.mp3 -r 16000 -c 1 -b 16 output.wav';

/** Parses a RIFF/WAVE file: PCM 8/16/24/32-bit integer or 32/64-bit float, any channel count and rate. */
export function decodeWav(data: Buffer, file = 'audio'): DecodedAudio {
  if (data.length === 0) fail(file, 'the audio is empty', 'record again, or pick another file');
  if (data.length < 12 || data.toString('ascii', 0, 4) !== 'RIFF' || data.toString('ascii', 8, 12) !== 'WAVE') {
    fail(file, 'not a WAV file', CONVERT_HINT);
  }
  let format: { tag: number; channels: number; sampleRate: number; bits: number } | undefined;
  let offset = 12;
  while (offset + 8 <= data.length) {
    const id = data.toString('ascii', offset, offset + 4);
    const declared = data.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && declared >= 16 && body + 16 <= data.length) {
      let tag = data.readUInt16LE(body);
      // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
      if (tag === WAVE_FORMAT_EXTENSIBLE && declared >= 40) tag = data.readUInt16LE(body + 24);
      format = { tag, channels: data.readUInt16LE(body + 2), sampleRate: data.readUInt32LE(body + 4), bits: data.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!format) fail(file, 'the WAV file has no format chunk before its data', CONVERT_HINT);
      // Recorders writing to a pipe cannot know the length up front and declare a huge one: clamp.
      const end = Math.min(body + declared, data.length);
      return decodeSamples(data.subarray(body, end), format, file);
    }
    offset = body + declared + (declared % 2); // chunks are word-aligned
  }
  return fail(file, 'the WAV file has no audio data', 'record again, or pick another file');
}

function decodeSamples(
  pcm: Buffer,
  format: { tag: number; channels: number; sampleRate: number; bits: number },
  file: string,
): DecodedAudio {
  const { tag, channels, sampleRate, bits } = format;
  if (channels < 1 || sampleRate < 1) fail(file, `the WAV header is damaged (${channels} channels at ${sampleRate} Hz)`);
  const read = sampleReader(tag, bits);
  if (!read) fail(file, `unsupported WAV encoding (format ${tag}, ${bits}-bit)`, CONVERT_HINT);
  const bytes = bits / 8;
  const frames = Math.floor(pcm.length / (bytes * channels));
  if (frames === 0) fail(file, 'the audio is empty', 'record again, or pick another file');
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let frame = 0; frame < frames; frame++) {
    for (let ch = 0; ch < channels; ch++) out[ch]![frame] = read(pcm, (frame * channels + ch) * bytes);
  }
  return { sampleRate, channels: out };
}

function sampleReader(tag: number, bits: number): ((b: Buffer, at: number) => number) | undefined {
  if (tag === WAVE_FORMAT_PCM) {
    switch (bits) {
      case 8:
        return (b, at) => (b[at]! - 128) / 128; // 8-bit WAV is unsigned
      case 16:
        return (b, at) => b.readInt16LE(at) / 32768;
      case 24:
        return (b, at) => b.readIntLE(at, 3) / 8388608;
      case 32:
        return (b, at) => b.readInt32LE(at) / 2147483648;
    }
  }
  if (tag === WAVE_FORMAT_IEEE_FLOAT) {
    if (bits === 32) return (b, at) => b.readFloatLE(at);
    if (bits === 64) return (b, at) => b.readDoubleLE(at);
  }
  return undefined;
}

/** Averages the channels into one. */
export function downmix(audio: DecodedAudio): Float32Array {
  const [first, ...rest] = audio.channels;
  if (rest.length === 0) return first!;
  const mono = new Float32Array(first!.length);
  for (let i = 0; i < mono.length; i++) {
    let sum = first![i]!;
    for (const ch of rest) sum += ch[i]!;
    mono[i] = sum / audio.channels.length;
  }
  return mono;
}

/**
 * Linear-interpolation resampling. Good enough for speech recognition, which cares about the
 * band below 4 kHz; it does not low-pass first, so downsampling music would alias.
 */
export function resample(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return samples;
  const length = Math.max(1, Math.round((samples.length * toRate) / fromRate));
  const out = new Float32Array(length);
  const step = fromRate / toRate;
  for (let i = 0; i < length; i++) {
    const position = i * step;
    const left = Math.floor(position);
    const right = Math.min(left + 1, samples.length - 1);
    const fraction = position - left;
    out[i] = samples[Math.min(left, samples.length - 1)]! * (1 - fraction) + samples[right]! * fraction;
  }
  return out;
}

export function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    out[i] = s < 0 ? Math.round(s * 32768) : Math.round(s * 32767);
  }
  return out;
}

/** A canonical 44-byte-header PCM WAV. */
export function encodeWav(pcm: Int16Array, sampleRate = SPEECH_SAMPLE_RATE, channels = 1): Buffer {
  const dataBytes = pcm.length * 2;
  const out = Buffer.alloc(HEADER_BYTES + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(WAVE_FORMAT_PCM, 20);
  out.writeUInt16LE(channels, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * channels * 2, 28);
  out.writeUInt16LE(channels * 2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < pcm.length; i++) out.writeInt16LE(pcm[i]!, HEADER_BYTES + i * 2);
  return out;
}

/** Any supported WAV -> 16 kHz mono 16-bit WAV bytes. */
export function toSpeechWav(data: Buffer, file = 'audio'): Buffer {
  const audio = decodeWav(data, file);
  return encodeWav(toInt16(resample(downmix(audio), audio.sampleRate, SPEECH_SAMPLE_RATE)));
}

/** Raw little-endian 16-bit mono PCM (what the recorder captures) -> WAV bytes. */
export function pcmToWav(pcm: Buffer, sampleRate = SPEECH_SAMPLE_RATE): Buffer {
  const samples = new Int16Array(Math.floor(pcm.length / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = pcm.readInt16LE(i * 2);
  return encodeWav(samples, sampleRate);
}

export function durationMs(audio: DecodedAudio): number {
  return Math.round(((audio.channels[0]?.length ?? 0) * 1000) / audio.sampleRate);
}
