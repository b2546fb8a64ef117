import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError, UserError } from '../../src/core/errors.js';
import { transcribeFile, type VoiceContext } from '../../src/voice/index.js';
import { createOpenAITranscriber } from '../../src/voice/openai-transcriber.js';
import { findPocketsphinx } from '../../src/voice/pocketsphinx-install.js';
import { NEEDS_POCKETSPHINX, withoutPocketsphinx } from '../support/pocketsphinx.js';
import { createPocketsphinxTranscriber, parseHypotheses } from '../../src/voice/pocketsphinx-transcriber.js';
import { voiceSettings } from '../../src/voice/settings.js';
import { resolveTranscriber } from '../../src/voice/transcriber.js';
import { decodeWav } from '../../src/voice/wav.js';
import { startWireServer, type TranscriptionBody, type WireServer } from '../support/wire-server.js';
import { tempDir } from '../support/temp.js';
import { HELLO_WAV, PRICING_WAV } from './fake-recorder.js';

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer({ apiKey: 'sk-test-transcribe' });
});
afterAll(() => wire.close());

const NO_PROGRAMS = { PATH: '/nonexistent' };

describe('the openai transcriber against the wire-format server', () => {
  it('uploads the WAV as multipart with model and response_format, and returns the text', async () => {
    wire.reset();
    wire.enqueue({ text: '  Would you pay twenty dollars a month?  ' });
    const transcriber = createOpenAITranscriber({
      apiKey: 'sk-test-transcribe',
      baseUrl: `${wire.url}/v1`,
      model: 'gpt-4o-mini-transcribe',
      hasKey: true,
    });
    expect(await transcriber.transcribe(PRICING_WAV)).toBe('Would you pay twenty dollars a month?');
    const request = wire.requests[0]!;
    expect(request.path).toBe('/v1/audio/transcriptions');
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.headers.authorization).toBe('Bearer sk-test-transcribe');
    const body = request.body as TranscriptionBody;
    expect(body.model).toBe('gpt-4o-mini-transcribe');
    expect(body.response_format).toBe('json');
    expect(body.file!.name).toBe('pricing-16k-mono.wav');
    expect(body.file!.type).toBe('audio/wav');
    expect(body.file!.bytes.equals(await import('node:fs').then((fs) => fs.readFileSync(PRICING_WAV)))).toBe(true);
  });

  it('maps a rejected key to a provider error that never shows the key', async () => {
    wire.reset();
    const transcriber = createOpenAITranscriber({
      apiKey: 'sk-wrong-key-123456',
      baseUrl: `${wire.url}/v1`,
      model: 'whisper-1',
      hasKey: true,
    });
    const error = (await transcriber.transcribe(PRICING_WAV).catch((e: unknown) => e)) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.kind).toBe('auth');
    expect(`${error.message} ${error.hint}`).not.toContain('sk-wrong-key-123456');
  });

  it('converts any WAV to 16 kHz mono before upload, and leaves the user file alone', async () => {
    wire.reset();
    wire.enqueue({ text: 'hello there' });
    const home = tempDir();
    const mine = join(home, 'mine.wav');
    copyFileSync(HELLO_WAV, mine);
    const context: VoiceContext = {
      config: { openai: { apiKey: 'sk-test-transcribe', baseUrl: `${wire.url}/v1` } },
      transcriber: 'openai',
      audioDir: join(home, 'audio'),
      env: NO_PROGRAMS,
    };
    const result = await transcribeFile(mine, context);
    expect(result).toMatchObject({ text: 'hello there', wavPath: undefined, transcriber: expect.stringContaining('whisper-1') });
    const uploaded = decodeWav((wire.requests[0]!.body as TranscriptionBody).file!.bytes);
    expect(uploaded.sampleRate).toBe(16000);
    expect(uploaded.channels).toHaveLength(1);
    expect(existsSync(mine)).toBe(true);
  });

  it('keeps the converted WAV with keepAudio, and says where on failure', async () => {
    const home = tempDir();
    const context: VoiceContext = {
      config: { openai: { apiKey: 'sk-test-transcribe', baseUrl: `${wire.url}/v1` } },
      transcriber: 'openai',
      keepAudio: true,
      audioDir: join(home, 'audio'),
      env: NO_PROGRAMS,
    };
    wire.reset();
    wire.enqueue({ text: 'kept' });
    const kept = await transcribeFile(PRICING_WAV, context);
    expect(existsSync(kept.wavPath!)).toBe(true);
    wire.enqueue({ status: 500 }, { status: 500 }, { status: 500 });
    const error = (await transcribeFile(PRICING_WAV, context).catch((e: unknown) => e)) as UserError;
    expect(error.message).toMatch(/^transcription failed \(OpenAI whisper-1 at 127\.0\.0\.1:\d+\): /);
    const where = /kept at (\S+) /.exec(error.hint ?? '')?.[1];
    expect(where && existsSync(where)).toBe(true);
  });

  it('an empty or non-WAV --audio-file is a clear message and nothing is sent', async () => {
    wire.reset();
    const home = tempDir();
    const empty = join(home, 'empty.wav');
    const text = join(home, 'notes.wav');
    writeFileSync(empty, '');
    writeFileSync(text, 'these are not samples');
    const context: VoiceContext = {
      config: { openai: { apiKey: 'k', baseUrl: `${wire.url}/v1` } },
      transcriber: 'openai',
      audioDir: join(home, 'audio'),
      env: NO_PROGRAMS,
    };
    await expect(transcribeFile(empty, context)).rejects.toThrow(`${empty}: the audio is empty`);
    await expect(transcribeFile(text, context)).rejects.toThrow(`${text}: not a WAV file`);
    await expect(transcribeFile(join(home, 'missing.wav'), context)).rejects.toThrow('no such file');
    expect(wire.requests).toHaveLength(0);
  });
});

const pocketsphinx = findPocketsphinx();

describe.skipIf(withoutPocketsphinx)(`the local transcriber ${NEEDS_POCKETSPHINX}`, () => {
  it('recognises the words of the spoken fixture', async () => {
    const text = await createPocketsphinxTranscriber(pocketsphinx!).transcribe(PRICING_WAV);
    // espeak's voice through pocketsphinx's small model: "what do you think" survives, "pricing" may not.
    const words = text.toLowerCase().split(/\s+/);
    expect(words).toEqual(expect.arrayContaining(['what', 'think']));
  }, 30_000);

  it('a file pocketsphinx cannot read is its own error line, not an empty transcript', async () => {
    const bad = join(tempDir(), 'bad.wav');
    writeFileSync(bad, Buffer.alloc(10));
    await expect(createPocketsphinxTranscriber(pocketsphinx!).transcribe(bad)).rejects.toThrow(
      /^pocketsphinx failed \(exit 1\): FATAL: .*Failed to process file .*format mismatch/,
    );
  }, 30_000);
});

describe('parseHypotheses', () => {
  it('joins one hypothesis line per utterance and drops log lines', () => {
    expect(parseHypotheses('INFO: cmd_ln.c(702): Parsing\nwhat do you think\n\n000000000: ignored\nof it\n')).toBe(
      'what do you think of it',
    );
  });
});

describe('which transcriber runs', () => {
  const withKey = { openai: { apiKey: 'sk-x' } };
  const localEnv = { PATH: pocketsphinx ? pocketsphinx.replace(/\/[^/]+$/, '') : '/nonexistent' };

  it('a flag wins over config, and says how to fix a missing key', () => {
    expect(() => resolveTranscriber({ voice: voiceSettings({}, { transcriber: 'openai' }), config: {}, env: NO_PROGRAMS })).toThrow(
      'the openai transcriber needs an OpenAI API key or base URL',
    );
    expect(
      resolveTranscriber({
        voice: voiceSettings({ voice: { transcriber: 'local' } }, { transcriber: 'openai' }),
        config: withKey,
        env: NO_PROGRAMS,
      }).name,
    ).toBe('openai');
  });

  it('auto: OpenAI when chatting with OpenAI, else offline pocketsphinx, else any OpenAI key', () => {
    const voice = voiceSettings({});
    expect(resolveTranscriber({ voice, config: withKey, provider: 'openai', env: NO_PROGRAMS }).name).toBe('openai');
    expect(resolveTranscriber({ voice, config: withKey, provider: 'offline', env: NO_PROGRAMS }).name).toBe('openai');
    const none = (() => {
      try {
        resolveTranscriber({ voice, config: {}, env: NO_PROGRAMS });
      } catch (error) {
        return error as UserError;
      }
    })();
    expect(none?.message).toBe('no speech transcriber is available');
    expect(none?.hint).toContain('apt-get install pocketsphinx pocketsphinx-en-us');
    if (pocketsphinx) expect(resolveTranscriber({ voice, config: withKey, provider: 'anthropic', env: localEnv }).name).toBe('local');
  });
});
