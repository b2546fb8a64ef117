import { z } from 'zod';

export const chatOptionsSchema = z.object({
  continue: z.boolean().optional(),
  session: z.string().min(1).optional(),
  save: z.boolean().default(true),
});

export type ChatOptions = z.output<typeof chatOptionsSchema>;
