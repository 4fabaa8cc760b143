import { z } from 'zod';

/** Messages on a WebSocket or MessagePort between a host and the renderer. */
export const clientMessageSchema = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  params: z.unknown(),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { type: 'response'; id: number; result: unknown }
  | { type: 'event'; name: string; payload: unknown };
