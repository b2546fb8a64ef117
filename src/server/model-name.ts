import { PROVIDER_NAMES } from '../core/messages.js';
import { HttpError } from './http-error.js';

/** `cfo`, `cfo@offline`, `cfo@openai/gpt-4o-mini`, or `cfo@gpt-4o` (a model of the default provider). */
export interface ModelName {
  personaId: string;
  provider?: string;
  model?: string;
}

export function parseModelName(name: string): ModelName {
  const at = name.indexOf('@');
  if (at < 0) return { personaId: name };
  const personaId = name.slice(0, at);
  const rest = name.slice(at + 1);
  if (!rest) throw new HttpError(400, `model "${name}": nothing after "@"; use persona@provider/model`);
  const slash = rest.indexOf('/');
  const head = slash < 0 ? rest : rest.slice(0, slash);
  const tail = slash < 0 ? undefined : rest.slice(slash + 1);
  if ((PROVIDER_NAMES as readonly string[]).includes(head)) {
    if (tail === '') throw new HttpError(400, `model "${name}": nothing after "/"`);
    return { personaId, provider: head, ...(tail ? { model: tail } : {}) };
  }
  if (tail !== undefined) throw new HttpError(400, `model "${name}": unknown provider "${head}"; use one of ${PROVIDER_NAMES.join(', ')}`);
  return { personaId, model: rest };
}
