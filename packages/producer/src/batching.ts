// Batching: the sealed records of one stream, grouped in order into PutRecordBatch calls within the call limits.

/**
 * The records of one stream waiting for a call. Records join the forming batch while it has fewer than
 * `maxRecords` records and their bytes stay within `maxBytes`; a full batch is complete and can be sent at once,
 * the forming one waits for the linger time (or a flush). A record larger than `maxBytes` goes alone.
 */
export class BatchQueue<R extends { data: Uint8Array }> {
  private readonly complete: R[][] = [];
  private forming: R[] = [];
  private formingBytes = 0;

  constructor(
    private readonly maxRecords: number,
    private readonly maxBytes: number,
  ) {}

  get isEmpty(): boolean {
    return this.forming.length === 0 && this.complete.length === 0;
  }

  get hasComplete(): boolean {
    return this.complete.length > 0;
  }

  push(record: R): void {
    const bytes = record.data.length;
    if (this.forming.length > 0 && this.formingBytes + bytes > this.maxBytes) this.closeForming();
    this.forming.push(record);
    this.formingBytes += bytes;
    if (this.forming.length >= this.maxRecords || this.formingBytes >= this.maxBytes) this.closeForming();
  }

  /** The oldest complete batch, or the forming batch when `includeForming` is set; undefined when none. */
  take(includeForming: boolean): R[] | undefined {
    const batch = this.complete.shift();
    if (batch !== undefined) return batch;
    if (!includeForming || this.forming.length === 0) return undefined;
    const forming = this.forming;
    this.forming = [];
    this.formingBytes = 0;
    return forming;
  }

  private closeForming(): void {
    this.complete.push(this.forming);
    this.forming = [];
    this.formingBytes = 0;
  }
}
