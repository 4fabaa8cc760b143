import type { MessageKey } from './catalog';

/**
 * What the engine and the planner say: a key into the catalogues plus parameters, never a sentence.
 * The renderer says it in English or Japanese; the CLI in English. A parameter may itself be a message,
 * or a list (said as "a, b, c" in English, "a、b、c" in Japanese).
 */
export type MessageParam = string | number | Message | readonly MessageParam[];

export interface Message {
  key: MessageKey;
  params?: Record<string, MessageParam>;
}

export function msg(key: MessageKey, params?: Record<string, MessageParam>): Message {
  return params === undefined ? { key } : { key, params };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}
