/**
 * Local OpenAI-compatible servers (Ollama, LM Studio, llama.cpp, vLLM) and proxies ignore the key,
 * but the SDKs refuse to start without one: this stands in when a base URL is set without a key.
 */
export const NO_KEY_NEEDED = 'no-key-needed';
