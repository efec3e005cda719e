// The typed view of a mapper: the payload type follows from the event, and the facts it may return are exactly the
// ones the event's mapping declares, with their value types.
import type { EventFacts, EventPayloads } from './generated/types.js';
import type { MapperContext, MapperResult, RuntimeMapper } from './runtime-domain.js';

export type EventType = keyof EventPayloads;
export type EventVersion<T extends EventType> = keyof EventPayloads[T] & number;

/**
 * A hand-written mapper for an event whose mapping says `"mapper": "typed"`.
 *
 * @example
 * export const bookingRequestedV1: TypedMapper<'booking.requested', 1> = (payload) => ({
 *   ok: true,
 *   facts: [{ fact: 'booking.guests', version: 1, value: payload.guests }],
 * });
 */
export type TypedMapper<T extends EventType, V extends EventVersion<T>> = (
  payload: EventPayloads[T][V],
  context: MapperContext,
) => MapperResult<EventFacts[T][V & keyof EventFacts[T]] & { fact: string; version: number; value: unknown }>;

/** Turns a typed mapper into the run-time shape (the transformer validates its output anyway). */
export function runtimeMapper<T extends EventType, V extends EventVersion<T>>(mapper: TypedMapper<T, V>): RuntimeMapper {
  return mapper as unknown as RuntimeMapper;
}
