// Words to make the demo look like a marketplace rather than a fuzz test.
import type { Address } from '@factline/events';

export const firstNames = ['Ana', 'João', 'Mia', 'Lukas', 'Sofia', 'Liam', 'Emma', 'Noah', 'Olivia', 'Mateo', 'Chloé', 'Hugo', 'Aisha', 'Yuki', 'Omar', 'Ingrid', 'Pedro', 'Zoë', 'Karim', 'Elena'];
export const lastNames = ['Silva', 'Müller', 'García', 'Rossi', 'Dubois', 'Nowak', 'Jansen', 'Andersson', 'Costa', "O'Brien", 'Kowalski', 'Santos', 'Novak', 'Berg', 'Ferreira', 'Martin', 'Lopez', 'Weber'];
export const companyWords = ['Coastal', 'Urban', 'Alpine', 'Riverside', 'Sunset', 'Harbour', 'Old Town', 'Garden', 'Lakeside', 'Meadow'];
export const companySuffixes = ['Stays', 'Homes', 'Rentals', 'Holidays', 'Living', 'Retreats'];
export const emailDomains = ['example.com', 'example.org', 'mail.example.net', 'stays.example'];

export const places: readonly { city: string; country: string; currency: string; postal: () => string }[] = [
  { city: 'Lisboa', country: 'PT', currency: 'EUR', postal: () => '1100-148' },
  { city: 'Porto', country: 'PT', currency: 'EUR', postal: () => '4050-253' },
  { city: 'Berlin', country: 'DE', currency: 'EUR', postal: () => '10115' },
  { city: 'München', country: 'DE', currency: 'EUR', postal: () => '80331' },
  { city: 'Barcelona', country: 'ES', currency: 'EUR', postal: () => '08001' },
  { city: 'Roma', country: 'IT', currency: 'EUR', postal: () => '00184' },
  { city: 'Paris', country: 'FR', currency: 'EUR', postal: () => '75004' },
  { city: 'Kraków', country: 'PL', currency: 'PLN', postal: () => '31-042' },
  { city: 'London', country: 'GB', currency: 'GBP', postal: () => 'SE1 9SG' },
  { city: 'Edinburgh', country: 'GB', currency: 'GBP', postal: () => 'EH1 1YZ' },
  { city: 'New York', country: 'US', currency: 'USD', postal: () => '10013' },
  { city: 'Kyoto', country: 'JP', currency: 'JPY', postal: () => '605-0074' },
];
export const streets = ['Rua Augusta', 'Hauptstraße', 'Carrer de Mallorca', 'Via del Corso', 'Rue de Rivoli', 'High Street', 'Main Street', 'Floriańska', 'Canal Walk', 'Harbour Road'];

export const adjectives = ['Sunny', 'Cosy', 'Bright', 'Quiet', 'Spacious', 'Charming', 'Modern', 'Rustic', 'Elegant', 'Tiny'];
export const kinds = ['apartment', 'house', 'room', 'cabin', 'other'] as const;
export const nouns: Record<(typeof kinds)[number], string> = { apartment: 'apartment', house: 'house', room: 'room', cabin: 'cabin', other: 'loft' };
export const nearby = ['near the old town', 'by the river', 'with a garden', 'close to the beach', 'with a view', 'in the centre', 'next to the park'];
export const amenities = ['wifi', 'kitchen', 'parking', 'pool', 'air_conditioning', 'washer', 'pets_allowed', 'wheelchair_accessible'] as const;

/** Nightly prices in minor units, by currency (JPY has no minor unit). */
export const nightlyPriceRange: Record<string, [number, number]> = { EUR: [4500, 32000], GBP: [5000, 35000], USD: [6000, 45000], PLN: [15000, 90000], JPY: [8000, 60000] };

export function address(street: string, number: number, place: (typeof places)[number]): Address {
  return { street: `${street} ${number}`, city: place.city, postalCode: place.postal(), country: place.country };
}
