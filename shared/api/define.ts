import type { z } from 'zod';

/**
 * One request of the contract: a zod schema for its parameters (checked by the engine on arrival)
 * and the TypeScript type of its value (produced by the engine, so trusted).
 */
export interface RequestDef<P extends z.ZodType, V> {
  params: P;
  /** Phantom: carries the value type only. */
  value?: V;
}

export function request<P extends z.ZodType, V>(params: P): RequestDef<P, V> {
  return { params };
}

export type AnyRequestDefs = Record<string, RequestDef<z.ZodType, unknown>>;
