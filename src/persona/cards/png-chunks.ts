import type { Issue } from '../../core/errors.js';
import { crc32 } from './crc32.js';

// The PNG container: an 8-byte signature, then chunks of length + type + data + CRC, ending with
// IEND. We read and write it ourselves (no image library): a card lives in a tEXt chunk and the
// pixels are never decoded on import.

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngChunk {
  type: string;
  data: Buffer;
}

export type PngRead = { ok: true; chunks: PngChunk[] } | { ok: false; issue: Issue };

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(PNG_SIGNATURE);
}

const fail = (message: string, hint?: string): PngRead => ({ ok: false, issue: { path: '', message, hint } });

/** Splits a PNG into chunks, checking every CRC and that the file ends properly with IEND. */
export function readPngChunks(bytes: Buffer): PngRead {
  if (!isPng(bytes)) return fail('not a PNG file (bad signature)');
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) return fail(`PNG is truncated at byte ${offset}`, 'the file was cut short; download it again');
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > bytes.length)
      return fail(`PNG chunk at byte ${offset} runs past the end of the file`, 'the file was cut short; download it again');
    const typeBytes = bytes.subarray(offset + 4, offset + 8);
    const type = typeBytes.toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) return fail(`PNG chunk at byte ${offset} has an invalid type`);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const stored = bytes.readUInt32BE(offset + 8 + length);
    if (crc32(typeBytes, data) !== stored)
      return fail(`PNG chunk "${type}" at byte ${offset} has a bad CRC`, 'the file is damaged; download it again');
    chunks.push({ type, data: Buffer.from(data) });
    offset = end;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') return fail('PNG does not start with an IHDR chunk');
  if (chunks[chunks.length - 1]?.type !== 'IEND') return fail('PNG has no IEND chunk', 'the file was cut short; download it again');
  return { ok: true, chunks };
}

export function encodePng(chunks: PngChunk[]): Buffer {
  const parts: Buffer[] = [PNG_SIGNATURE];
  for (const { type, data } of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(head.subarray(4, 8), data), 0);
    parts.push(head, data, crc);
  }
  return Buffer.concat(parts);
}

/** tEXt: a Latin-1 keyword, a zero byte, Latin-1 text. Cards keep their base64 there. */
export function textChunk(keyword: string, text: string): PngChunk {
  return { type: 'tEXt', data: Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]) };
}

export function readTextChunk(chunk: PngChunk): { keyword: string; text: string } | undefined {
  if (chunk.type !== 'tEXt') return undefined;
  const zero = chunk.data.indexOf(0);
  if (zero < 1) return undefined;
  return { keyword: chunk.data.subarray(0, zero).toString('latin1'), text: chunk.data.subarray(zero + 1).toString('latin1') };
}
