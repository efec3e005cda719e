import { describe, expect, it } from 'vitest';
import { eventTypeName, factTypeName } from '../../src/typescript/type-names.js';

describe('generated type names', () => {
  it('keep entity and name apart, so a fact of accommodation never reads like one of accommodation_provider', () => {
    expect(factTypeName('accommodation.provider', 1)).toBe('Accommodation_ProviderValueV1');
    expect(factTypeName('accommodation_provider.name', 1)).toBe('AccommodationProvider_NameValueV1');
    expect(eventTypeName('booking.requested', 2)).toBe('Booking_RequestedV2');
  });
});
