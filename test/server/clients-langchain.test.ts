import { AIMessage, HumanMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startServeProcess } from './serve-process.js';

// LangChain's ChatOpenAI against a real `persona serve`, with chat completions and with
// `useResponsesApi`: invoke, stream, a multi-turn conversation, and the model list (LangChain has
// no model listing of its own; its OpenAI client is the npm SDK, which lists them).

const chatModel = (url: string, useResponsesApi: boolean, headers: Record<string, string> = {}) =>
  new ChatOpenAI({
    model: 'cfo',
    apiKey: 'not-needed',
    configuration: { baseURL: `${url}/v1`, defaultHeaders: headers },
    maxRetries: 0,
    useResponsesApi,
  });

describe('LangChain @langchain/openai', () => {
  it('lists models, chats and streams over chat completions and the Responses API', async () => {
    const serve = await startServeProcess();
    const listed = await new OpenAI({ apiKey: 'not-needed', baseURL: `${serve.url}/v1` }).models.list();
    expect(listed.data.map((m) => m.id)).toContain('cfo');

    for (const useResponsesApi of [false, true]) {
      const model = chatModel(serve.url, useResponsesApi);
      const reply = await model.invoke('What worries you about the budget?');
      expect(String(reply.text).length).toBeGreaterThan(10);

      let streamed = '';
      for await (const chunk of await model.stream('Tell me about your week.')) streamed += chunk.text;
      expect(streamed.length).toBeGreaterThan(10);

      const followUp = await model.invoke([
        new HumanMessage('Hello there.'),
        new AIMessage(String(reply.text)),
        new HumanMessage('And next year?'),
      ]);
      expect(String(followUp.text).length).toBeGreaterThan(10);
    }

    // Responses API with a saved conversation (LangChain never sends `store: true`, so the header
    // asks for saving), continued by previous_response_id.
    const first = await chatModel(serve.url, true, { 'x-persona-save': 'true' }).invoke('My name is Dana.');
    const id = first.response_metadata?.id ?? first.id;
    expect(String(id)).toMatch(/^resp_/);
    const next = await chatModel(serve.url, true).invoke('What is my plan?', { previous_response_id: id } as never);
    expect(String(next.text).length).toBeGreaterThan(10);
    const sessionId = /^resp_([0-9a-z]+)_/.exec(String(id))![1];
    const saved = await (await fetch(`${serve.url}/api/sessions/${sessionId}`)).json();
    expect(saved.messages.filter((m: { role: string }) => m.role === 'user').map((m: { content: string }) => m.content)).toEqual([
      'My name is Dana.',
      'What is my plan?',
    ]);
  }, 60_000);
});
