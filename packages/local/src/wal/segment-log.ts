// The write-ahead log of one stream: records are appended to numbered segment files and fsynced before they are
// acknowledged. Appends that arrive while an fsync runs are committed together by the next one (group commit).
// A delivery seals the current segment; once the batch's objects are durable its segments are deleted.
import { open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalStackError, LocalStackErrorCode } from '../errors.js';
import { fsyncDirectory, mkdirDurable, temporaryFilePrefix, unlinkDurable, writeFileDurable } from './durable-file.js';
import { decodeFrames, encodeFrame, type StoredRecord } from './frame.js';
import { parsePlan, planFileName, type DeliveryPlan } from './plans.js';

/** What an earlier run left behind. */
export interface RecoveredLog {
  /** Acknowledged records in no batch yet, in arrival order. */
  pending: StoredRecord[];
  /** Batches whose delivery may not have finished, with their records (empty for `written` ones). */
  plans: { plan: DeliveryPlan; records: StoredRecord[] }[];
}

interface PendingAppend {
  records: StoredRecord[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

const segmentName = (sequence: number): string => `${String(sequence).padStart(12, '0')}.wal`;
const segmentPattern = /^(\d{12})\.wal$/;

export class SegmentLog {
  private tail: Promise<unknown> = Promise.resolve();
  private queue: PendingAppend[] = [];
  private commitQueued = false;
  private current: { sequence: number; handle: FileHandle } | undefined;
  private unbatched: number[];
  private nextSequence: number;

  private constructor(
    private readonly segmentsDir: string,
    private readonly plansDir: string,
    state: { unbatched: number[]; nextSequence: number },
    private readonly onDurable: (records: StoredRecord[]) => void,
  ) {
    this.unbatched = state.unbatched;
    this.nextSequence = state.nextSequence;
  }

  /** Opens (creating) the log in `directory` and returns what an earlier run left to deliver. */
  static async open(directory: string, onDurable: (records: StoredRecord[]) => void): Promise<{ log: SegmentLog; recovered: RecoveredLog }> {
    const segmentsDir = join(directory, 'segments');
    const plansDir = join(directory, 'batches');
    await mkdirDurable(segmentsDir);
    await mkdirDurable(plansDir);
    const plans: DeliveryPlan[] = [];
    for (const name of (await readdir(plansDir)).sort()) {
      const file = join(plansDir, name);
      if (name.startsWith(temporaryFilePrefix)) {
        await unlink(file); // a plan write cut short by a crash: the plan was never in effect
        continue;
      }
      let plan: DeliveryPlan | undefined;
      try {
        plan = parsePlan(await readFile(file, 'utf8'));
      } catch (error) {
        throw new LocalStackError(LocalStackErrorCode.CorruptState, `Cannot read delivery plan ${file}: ${(error as Error).message}`, { subject: file, cause: error });
      }
      if (plan === undefined) throw new LocalStackError(LocalStackErrorCode.CorruptState, `Delivery plan ${file} is not a factline delivery plan.`, { subject: file });
      plans.push(plan);
    }
    const segments = (await readdir(segmentsDir))
      .map((name) => segmentPattern.exec(name)?.[1])
      .filter((match): match is string => match !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    const present = new Set(segments);
    const covered = new Set(plans.flatMap((plan) => plan.segments));
    const readSegment = async (sequence: number): Promise<StoredRecord[]> => decodeFrames(await readFile(join(segmentsDir, segmentName(sequence)))).records;

    const recoveredPlans: RecoveredLog['plans'] = [];
    for (const plan of plans) {
      if (plan.state === 'written') {
        // The objects are durable; the crash came before the segments were released.
        await unlinkDurable(plan.segments.filter((sequence) => present.has(sequence)).map((sequence) => join(segmentsDir, segmentName(sequence))));
        recoveredPlans.push({ plan, records: [] });
        continue;
      }
      const missing = plan.segments.filter((sequence) => !present.has(sequence));
      if (missing.length > 0) {
        throw new LocalStackError(LocalStackErrorCode.CorruptState, `Delivery plan ${plan.id} needs segment(s) ${missing.join(', ')}, which are missing from ${segmentsDir}.`, { subject: segmentsDir });
      }
      const records: StoredRecord[] = [];
      for (const sequence of plan.segments) records.push(...(await readSegment(sequence)));
      recoveredPlans.push({ plan, records });
    }
    const unbatched = segments.filter((sequence) => !covered.has(sequence));
    const pending: StoredRecord[] = [];
    for (const sequence of unbatched) pending.push(...(await readSegment(sequence)));
    const highest = Math.max(0, ...segments, ...plans.flatMap((plan) => plan.segments));
    const log = new SegmentLog(segmentsDir, plansDir, { unbatched, nextSequence: highest + 1 }, onDurable);
    return { log, recovered: { pending, plans: recoveredPlans } };
  }

  /** Resolves once `records` are durable, after `onDurable` saw them. */
  append(records: StoredRecord[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      if (!this.commitQueued) {
        this.commitQueued = true;
        void this.exclusive(() => this.commit());
      }
    });
  }

  /**
   * Seals the current segment and hands every segment not yet in a batch to a new batch, calling `drain` in the same
   * step so that no append lands between the two.
   */
  seal<T>(drain: () => T): Promise<{ segments: number[]; drained: T }> {
    return this.exclusive(async () => {
      await this.closeCurrent();
      const segments = this.unbatched;
      this.unbatched = [];
      return { segments, drained: drain() };
    });
  }

  async writePlan(plan: DeliveryPlan): Promise<void> {
    await writeFileDurable(join(this.plansDir, planFileName(plan.id)), Buffer.from(`${JSON.stringify(plan)}\n`));
  }

  async deletePlan(plan: DeliveryPlan): Promise<void> {
    await unlinkDurable([join(this.plansDir, planFileName(plan.id))]);
  }

  async releaseSegments(segments: readonly number[]): Promise<void> {
    await unlinkDurable(segments.map((sequence) => join(this.segmentsDir, segmentName(sequence))));
  }

  /** Waits for appends in flight, then closes the open segment. */
  async close(): Promise<void> {
    await this.exclusive(() => this.closeCurrent());
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async commit(): Promise<void> {
    this.commitQueued = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      const handle = await this.openCurrent();
      const bytes = Buffer.concat(batch.flatMap((append) => append.records.map(encodeFrame)));
      let written = 0;
      while (written < bytes.length) written += (await handle.write(bytes, written)).bytesWritten;
      await handle.datasync();
    } catch (error) {
      // Start a fresh segment next time: nothing acknowledged may follow a possibly torn write.
      await this.closeCurrent().catch(() => undefined);
      for (const append of batch) append.reject(error);
      return;
    }
    this.onDurable(batch.flatMap((append) => append.records));
    for (const append of batch) append.resolve();
  }

  private async openCurrent(): Promise<FileHandle> {
    if (this.current !== undefined) return this.current.handle;
    const sequence = this.nextSequence;
    this.nextSequence += 1;
    const handle = await open(join(this.segmentsDir, segmentName(sequence)), 'wx');
    this.current = { sequence, handle };
    this.unbatched.push(sequence);
    await fsyncDirectory(this.segmentsDir);
    return handle;
  }

  private async closeCurrent(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (current !== undefined) await current.handle.close();
  }
}
