import { z } from 'zod';

export const chatOptionsSchema = z.object({
  continue: z.boolean().optional(),
  session: z.string().min(1).optional(),
  save: z.boolean().default(true),
  voiceAutoSend: z.boolean().default(false),
  keepAudio: z.boolean().default(false),
});

export type ChatOptions = z.output<typeof chatOptionsSchema>;
