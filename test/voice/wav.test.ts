import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/core/errors.js';
import { decodeWav, downmix, encodeWav, resample, toSpeechWav } from '../../src/voice/wav.js';
import { HELLO_WAV, PRICING_WAV } from './fake-recorder.js';

/** A WAV of a 440 Hz sine (left) and its inverse (right) in any encoding, written by hand. */
function sineWav(options: {
  rate: number;
  channels: number;
  bits: number;
  float?: boolean;
  frames?: number;
  extensible?: boolean;
}): Buffer {
  const { rate, channels, bits } = options;
  const frames = options.frames ?? rate / 10;
  const bytes = bits / 8;
  const data = Buffer.alloc(frames * channels * bytes);
  for (let f = 0; f < frames; f++) {
    for (let ch = 0; ch < channels; ch++) {
      const v = 0.5 * Math.sin((2 * Math.PI * 440 * f) / rate) * (ch === 0 ? 1 : -1);
      const at = (f * channels + ch) * bytes;
      if (options.float) data.writeFloatLE(v, at);
      else if (bits === 8) data[at] = Math.round(v * 127 + 128);
      else if (bits === 16) data.writeInt16LE(Math.round(v * 32767), at);
      else if (bits === 24) data.writeIntLE(Math.round(v * 8388607), at, 3);
      else data.writeInt32LE(Math.round(v * 2147483647), at);
    }
  }
  const fmtSize = options.extensible ? 40 : 16;
  const header = Buffer.alloc(12 + 8 + fmtSize + 8 + 12);
  let o = 0;
  header.write('RIFF', o);
  o += 4;
  header.writeUInt32LE(header.length - 8 + data.length, o);
  o += 4;
  header.write('WAVE', o);
  o += 4;
  // An unrelated chunk before fmt, as some editors write: the parser must skip it.
  header.write('LIST', o);
  o += 4;
  header.writeUInt32LE(4, o);
  o += 4;
  header.write('INFO', o);
  o += 4;
  header.write('fmt ', o);
  o += 4;
  header.writeUInt32LE(fmtSize, o);
  o += 4;
  const tag = options.float ? 3 : 1;
  header.writeUInt16LE(options.extensible ? 0xfffe : tag, o);
  header.writeUInt16LE(channels, o + 2);
  header.writeUInt32LE(rate, o + 4);
  header.writeUInt32LE(rate * channels * bytes, o + 8);
  header.writeUInt16LE(channels * bytes, o + 12);
  header.writeUInt16LE(bits, o + 14);
  if (options.extensible) header.writeUInt16LE(tag, o + 24);
  o += fmtSize;
  header.write('data', o);
  o += 4;
  header.writeUInt32LE(data.length, o);
  return Buffer.concat([header, data]);
}

function errorOf(work: () => unknown): InputFileError {
  try {
    work();
  } catch (error) {
    if (error instanceof InputFileError) return error;
    throw error;
  }
  throw new Error('expected an InputFileError');
}

describe('decodeWav', () => {
  it.each([
    { bits: 8, float: false },
    { bits: 16, float: false },
    { bits: 24, float: false },
    { bits: 32, float: false },
    { bits: 32, float: true },
  ])('reads $bits-bit (float: $float) stereo samples to within quantisation', ({ bits, float }) => {
    const audio = decodeWav(sineWav({ rate: 8000, channels: 2, bits, float }));
    expect(audio.sampleRate).toBe(8000);
    expect(audio.channels).toHaveLength(2);
    const expected = 0.5 * Math.sin((2 * Math.PI * 440 * 3) / 8000);
    const digits = bits === 8 ? 1 : 3; // 8-bit has 1/128 steps
    expect(audio.channels[0]![3]).toBeCloseTo(expected, digits);
    expect(audio.channels[1]![3]).toBeCloseTo(-expected, digits);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE headers by their sub-format', () => {
    const audio = decodeWav(sineWav({ rate: 48000, channels: 1, bits: 24, extensible: true }));
    expect(audio.sampleRate).toBe(48000);
    expect(audio.channels[0]!.length).toBe(4800);
  });

  it('clamps a data length declared past the end, as recorders writing to a pipe do', () => {
    const wav = sineWav({ rate: 16000, channels: 1, bits: 16, frames: 100 });
    wav.writeUInt32LE(0xffffffff, wav.indexOf('data') + 4);
    expect(decodeWav(wav).channels[0]!.length).toBe(100);
  });

  it('says clearly when a file is not a WAV, is empty, or has no samples', () => {
    expect(errorOf(() => decodeWav(Buffer.from('ID3\u0003 this is an mp3'), 'song.mp3')).message).toMatch(
      /^song\.mp3: not a WAV file \(.*sox/,
    );
    expect(errorOf(() => decodeWav(Buffer.alloc(0), 'blank.wav')).message).toMatch(/blank\.wav: the audio is empty/);
    expect(errorOf(() => decodeWav(sineWav({ rate: 16000, channels: 1, bits: 16, frames: 0 }), 'silent.wav')).message).toMatch(
      /the audio is empty/,
    );
    const adpcm = sineWav({ rate: 16000, channels: 1, bits: 16 });
    adpcm.writeUInt16LE(2, adpcm.indexOf('fmt ') + 8);
    expect(errorOf(() => decodeWav(adpcm, 'adpcm.wav')).message).toMatch(/unsupported WAV encoding \(format 2, 16-bit\)/);
  });
});

describe('conversion to 16 kHz mono 16-bit', () => {
  it('downmixes by averaging channels', () => {
    const mono = downmix({ sampleRate: 8000, channels: [Float32Array.of(0.5, 1), Float32Array.of(0.1, -1)] });
    expect(Array.from(mono).map((v) => +v.toFixed(3))).toEqual([0.3, 0]);
  });

  it('resamples by linear interpolation, keeping duration', () => {
    const up = resample(Float32Array.of(0, 1, 0), 8000, 16000);
    expect(Array.from(up)).toEqual([0, 0.5, 1, 0.5, 0, 0]);
    expect(resample(new Float32Array(44100), 44100, 16000)).toHaveLength(16000);
  });

  it('turns the 11 kHz stereo fixture into a 16 kHz mono WAV of the same length', () => {
    const source = decodeWav(readFileSync(HELLO_WAV));
    const speech = toSpeechWav(readFileSync(HELLO_WAV));
    const out = decodeWav(speech);
    expect(source.channels).toHaveLength(2);
    expect(out.sampleRate).toBe(16000);
    expect(out.channels).toHaveLength(1);
    expect(speech.readUInt16LE(34)).toBe(16);
    const seconds = source.channels[0]!.length / source.sampleRate;
    expect(out.channels[0]!.length / 16000).toBeCloseTo(seconds, 2);
  });

  it('leaves a file already in the target format sample-for-sample unchanged', () => {
    const original = readFileSync(PRICING_WAV);
    const converted = decodeWav(toSpeechWav(original)).channels[0]!;
    const direct = decodeWav(original).channels[0]!;
    expect(converted.length).toBe(direct.length);
    expect(converted[1000]).toBeCloseTo(direct[1000]!, 4);
  });

  it('encodes a canonical header', () => {
    const wav = encodeWav(Int16Array.of(1, -1, 300));
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(40)).toBe(6);
    expect(Array.from(decodeWav(wav).channels[0]!).map((v) => Math.round(v * 32768))).toEqual([1, -1, 300]);
  });
});
