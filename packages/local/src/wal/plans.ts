// Delivery plans: before a batch is delivered, its object keys are written down durably, so a delivery interrupted
// by a crash is redone under the same keys (overwriting, not duplicating), and a written batch whose `onDelivered`
// has not succeeded is still known after a restart.
import type { CompressionFormat } from '@factline/stream-settings';

/** A facts object to announce through `onDelivered`. */
export interface PlannedDelivery {
  key: string;
  recordCount: number;
  compression: CompressionFormat;
  size: number;
}

export interface DeliveryPlan {
  formatVersion: 1;
  /** The highest segment number of the batch, zero-padded: unique per stream, ordered like the batches. */
  id: string;
  segments: number[];
  /** `planned`: keys chosen, objects may be partly written. `written`: objects durable, segments released. */
  state: 'planned' | 'written';
  keys: { facts: string; sourceBackup: string; processingFailed: string; redelivery: string | undefined };
  deliveries: PlannedDelivery[];
  /** Keys whose `onDelivered` succeeded. */
  notified: string[];
}

export function planFileName(id: string): string {
  return `${id}.json`;
}

export function parsePlan(text: string): DeliveryPlan | undefined {
  const value = JSON.parse(text) as Partial<DeliveryPlan>;
  const valid =
    value.formatVersion === 1 &&
    typeof value.id === 'string' &&
    Array.isArray(value.segments) &&
    (value.state === 'planned' || value.state === 'written') &&
    typeof value.keys?.facts === 'string' &&
    Array.isArray(value.deliveries) &&
    Array.isArray(value.notified);
  return valid ? (value as DeliveryPlan) : undefined;
}
