import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/core/errors.js';
import { parseTranscriptJson, renderTranscript } from '../../src/export/index.js';
import { freshStore, personaReply, startSession, userMessage } from '../store/helpers/fixtures.js';
import { ESC, HOSTILE_TERMINAL_TEXT, sampleTranscript } from './helpers.js';

function parseError(text: string): InputFileError {
  try {
    parseTranscriptJson(text, 'old.json');
  } catch (error) {
    if (error instanceof InputFileError) return error;
    throw error;
  }
  throw new Error('expected the transcript to be refused');
}

describe('json transcript', () => {
  it('round-trips every field: parsing the export gives back the transcript', async () => {
    const transcript = sampleTranscript({ costUsd: 0.0123 });
    expect(parseTranscriptJson(renderTranscript(transcript, 'json'))).toEqual(transcript);
  });

  it('round-trips a session read from the store, snapshot and unknown cost included', async () => {
    const store = freshStore();
    const session = await startSession(store);
    await store.appendMessage(userMessage(session.id, 'Hello'));
    await store.appendMessage(personaReply(session.id, HOSTILE_TERMINAL_TEXT, { costUsd: null, status: 'interrupted', fallback: true }));
    const transcript = (await store.getTranscript(session.id))!;
    expect(transcript.session.costUsd).toBeNull();
    expect(parseTranscriptJson(renderTranscript(transcript, 'json'))).toEqual(transcript);
  });

  it('round-trips a transcript without a snapshot', async () => {
    const { snapshot: _dropped, ...withoutSnapshot } = sampleTranscript();
    const text = renderTranscript(withoutSnapshot, 'json');
    expect(JSON.parse(text).persona).toBeNull();
    expect(parseTranscriptJson(text)).toEqual(withoutSnapshot);
  });

  it('keeps text raw, as data: escape sequences survive (JSON-escaped, so inert)', async () => {
    const text = renderTranscript(sampleTranscript(), 'json');
    expect(text).not.toContain(ESC);
    expect(JSON.parse(text).messages[1].content).toBe(HOSTILE_TERMINAL_TEXT);
    expect(JSON.parse(text)).toMatchObject({ format: 'persona-chat.transcript', version: 1 });
  });

  it('refuses text that is not JSON', async () => {
    expect(parseError('{nope').message).toContain('old.json: not valid JSON');
  });

  it('refuses JSON that is not a transcript, saying so', async () => {
    const error = parseError('{"hello": 1}');
    expect(error.issues[0]).toMatchObject({ path: 'format', message: 'not a persona-chat transcript' });
  });

  it('names the field that is wrong', async () => {
    const document = JSON.parse(renderTranscript(sampleTranscript(), 'json'));
    document.messages[2].role = 'bot';
    const error = parseError(JSON.stringify(document));
    expect(error.issues.map((i) => i.path)).toEqual(['messages[2].role']);
  });
});
