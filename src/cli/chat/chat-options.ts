import * as z from 'zod/mini';
import '../../core/zod-setup.js';

export const chatOptionsSchema = z.object({
  continue: z.optional(z.boolean()),
  session: z.optional(z.string().check(z.minLength(1))),
  save: z._default(z.boolean(), true),
  voiceAutoSend: z._default(z.boolean(), false),
  keepAudio: z._default(z.boolean(), false),
  overBudget: z._default(z.boolean(), false),
});

export type ChatOptions = z.output<typeof chatOptionsSchema>;
