// Every typed mapper, by "<type>@<version>". The generated domain reads this table; TypeScript fails the build when
// an event declares "mapper": "typed" and has no entry here (see TypedMapperKeys).
import type { TypedMapperKeys } from '../generated/types.js';
import { runtimeMapper } from '../mapper-types.js';
import type { RuntimeMapper } from '../runtime-domain.js';
import { bookingRequestedV1 } from './booking-requested.js';

export const typedMappers: Record<TypedMapperKeys, RuntimeMapper> = {
  'booking.requested@1': runtimeMapper(bookingRequestedV1),
};
