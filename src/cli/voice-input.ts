import * as z from 'zod/mini';
import '../core/zod-setup.js';
import type { Config } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import type { InputMode } from '../core/messages.js';
import { chooseProvider } from '../providers/settings.js';
import type { ChatStore } from '../chat/chat-store.js';
import type { HistoryStore } from '../store/history-store.js';
import { fileWithSession } from '../voice/audio-files.js';
import { messageFrom } from './ask/read-message.js';
import { c, colorFor, sanitizeInline } from './output.js';
import { parseOptions } from './options.js';

// `persona ask --voice / --audio-file`: where the message comes from, and, after the turn, where a
// kept recording goes. Everything voice-specific stays here so ask.ts only calls two functions.

const voiceFlags = z.object({
  voice: z.optional(z.boolean()),
  audioFile: z.optional(z.string().check(z.minLength(1))),
  keepAudio: z.optional(z.boolean()),
  transcriber: z.optional(z.enum(['auto', 'openai', 'local'])),
});

export interface AskMessage {
  text: string;
  /** 'voice' for a spoken message; undefined lets ask decide between typed and script. */
  inputMode: InputMode | undefined;
  /** The WAV kept with --keep-audio, until keepAudioWithMessage files it with its session. */
  keptAudio: string | undefined;
}

/** The message to ask: spoken (--voice), from a WAV (--audio-file), or the words / stdin as before. */
export async function askMessage(
  words: string[],
  rawOptions: Record<string, unknown>,
  ctx: { config: Config; flags: { provider?: string; model?: string }; signal: AbortSignal },
): Promise<AskMessage> {
  const options = parseOptions(voiceFlags, rawOptions);
  if (!options.voice && !options.audioFile) {
    if (options.keepAudio || options.transcriber) throw new UsageError('--keep-audio and --transcriber go with --voice or --audio-file');
    return { text: await messageFrom(words), inputMode: undefined, keptAudio: undefined };
  }
  if (options.voice && options.audioFile) throw new UsageError('use --voice or --audio-file, not both');
  if (words.length > 0)
    throw new UsageError('give the message by voice or as text, not both', 'drop the message words, or drop --voice/--audio-file');
  const voice = await import('../voice/index.js');
  const context = {
    config: ctx.config,
    provider: providerOrUndefined(ctx.flags, ctx.config),
    keepAudio: options.keepAudio,
    ...(options.transcriber ? { transcriber: options.transcriber } : {}),
  };
  const result = options.audioFile
    ? await voice.transcribeFile(options.audioFile, { ...context, signal: ctx.signal })
    : await recordFromMicrophone(voice, { ...context, signal: ctx.signal });
  const err = colorFor(process.stderr);
  process.stderr.write(`${err.dim('you said:')} ${sanitizeInline(result.text)}\n`);
  return { text: result.text, inputMode: 'voice', keptAudio: result.wavPath };
}

/** After the turn: move a kept WAV beside its session and link it to the spoken message. */
export async function keepAudioWithMessage(
  store: ChatStore & Partial<Pick<HistoryStore, 'attachAudio'>>,
  sessionId: string | null,
  spoken: AskMessage,
): Promise<void> {
  if (!spoken.keptAudio) return;
  const userMessage = sessionId ? (await store.listMessages(sessionId)).filter((m) => m.role === 'user').pop() : undefined;
  // The in-memory store of --no-save has no message rows to link a file to.
  if (!sessionId || !userMessage || !store.attachAudio) {
    process.stderr.write(`${c.dim(`recording kept at ${spoken.keptAudio}`)}\n`);
    return;
  }
  const filed = fileWithSession(spoken.keptAudio, sessionId, userMessage.id);
  await store.attachAudio(userMessage.id, filed);
  process.stderr.write(`${c.dim(`recording kept at ${filed}`)}\n`);
}

function providerOrUndefined(flags: { provider?: string; model?: string }, config: Config): string | undefined {
  try {
    return chooseProvider(flags, config);
  } catch {
    return undefined; // a bad --provider is reported by the turn itself
  }
}

type VoiceModule = typeof import('../voice/index.js');

/** Records until Enter (on a terminal), silence, or the recorder ending; a meter on stderr while it runs. */
async function recordFromMicrophone(voice: VoiceModule, options: Parameters<VoiceModule['startVoiceInput']>[0]) {
  const err = colorFor(process.stderr);
  const meter = process.stderr.isTTY;
  const input = await voice.startVoiceInput({
    ...options,
    ...(meter ? { onLevel: (level) => process.stderr.write(`\r${meterLine(level.rms, level.elapsedMs, err)}`) } : {}),
    onTranscribing: () => process.stderr.write(`${meter ? '\r\x1b[2K' : ''}${err.dim('transcribing…')}\n`),
  });
  if (!meter) process.stderr.write(`${err.dim('recording… (ends on silence)')}\n`);
  const stopOnEnter = () => input.stop();
  if (process.stdin.isTTY) process.stdin.once('data', stopOnEnter).resume();
  try {
    return await input.result;
  } finally {
    if (process.stdin.isTTY) process.stdin.off('data', stopOnEnter).pause();
  }
}

const METER_WIDTH = 20;

function meterLine(rms: number, elapsedMs: number, color: ReturnType<typeof colorFor>): string {
  // Speech RMS rarely passes 0.3; scale so normal speech fills most of the bar.
  const filled = Math.min(METER_WIDTH, Math.round(Math.sqrt(Math.min(1, rms / 0.3)) * METER_WIDTH));
  const bar = color.green('█'.repeat(filled)) + color.dim('░'.repeat(METER_WIDTH - filled));
  return `${color.red('●')} recording ${(elapsedMs / 1000).toFixed(1)}s ${bar}  ${color.dim('Enter to stop, Ctrl-C to cancel')}`;
}
