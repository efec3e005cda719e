// The per-stream counts behind status(): plain numbers, plus the most recent keys of each kind.
import type { StreamStatus } from './types.js';

const keptKeys = 1000;

function remember(list: string[], key: string): void {
  list.push(key);
  if (list.length > keptKeys) list.splice(0, list.length - keptKeys);
}

export class StreamCounters {
  received = 0;
  recovered = 0;
  buffered = 0;
  delivered = 0;
  dropped = 0;
  failed = 0;
  throttled = 0;
  redelivered = 0;
  pendingNotifications = 0;
  notificationFailures = 0;
  lastError: string | null = null;
  private readonly objects = { facts: [] as string[], sourceBackup: [] as string[], processingFailed: [] as string[] };

  constructor(
    private readonly deliveryStreamName: string,
    private readonly entity: string,
  ) {}

  wrote(kind: keyof StreamCounters['objects'], key: string): void {
    remember(this.objects[kind], key);
  }

  snapshot(): StreamStatus {
    return {
      deliveryStreamName: this.deliveryStreamName,
      entity: this.entity,
      received: this.received,
      recovered: this.recovered,
      buffered: this.buffered,
      delivered: this.delivered,
      dropped: this.dropped,
      failed: this.failed,
      throttled: this.throttled,
      redelivered: this.redelivered,
      pendingNotifications: this.pendingNotifications,
      notificationFailures: this.notificationFailures,
      lastError: this.lastError,
      objects: { facts: [...this.objects.facts], sourceBackup: [...this.objects.sourceBackup], processingFailed: [...this.objects.processingFailed] },
    };
  }
}
