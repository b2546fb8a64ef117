import type { Route } from '../router.js';
import { chat } from './chat.js';
import { chatCompletions, listModels, retrieveModel } from './openai.js';
import { createResponse } from './responses.js';
import { getPersona, listPersonas } from './personas.js';
import { exportSession, getSession, listSessions } from './sessions.js';

export const routes: Route[] = [
  { method: 'GET', pattern: '/api/personas', handler: listPersonas },
  { method: 'GET', pattern: '/api/personas/:id', handler: getPersona },
  { method: 'POST', pattern: '/api/personas/:personaId/chat', handler: chat },
  { method: 'GET', pattern: '/api/sessions', handler: listSessions },
  { method: 'GET', pattern: '/api/sessions/:id', handler: getSession },
  { method: 'GET', pattern: '/api/sessions/:id/export', handler: exportSession },
  { method: 'GET', pattern: '/v1/models', handler: listModels },
  { method: 'GET', pattern: '/v1/models/:id+', handler: retrieveModel },
  { method: 'POST', pattern: '/v1/chat/completions', handler: chatCompletions },
  { method: 'POST', pattern: '/v1/responses', handler: createResponse },
];
