import "server-only";

/**
 * Group commit: writes that arrive while a write is under way, or in the same turn of the event
 * loop, are gathered and written together in one transaction, so concurrent requests share one
 * transaction and one fsync. Nothing waits for a timer: a group starts as soon as the requests
 * already received have had their turn (one setImmediate), which is what lets them join it.
 * Each caller's promise settles only when its own rows are committed, or with its own error: when
 * a group fails, its writes are retried one by one, so one bad write never fails the others.
 */
export class GroupCommit<T> {
  private pending: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing = false;

  constructor(
    private readonly writeGroup: (items: T[]) => Promise<void>,
    private readonly maxGroupSize = 64,
  ) {}

  write(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending.splice(0, this.maxGroupSize);
      try {
        await this.writeGroup(group.map((entry) => entry.item));
        for (const entry of group) entry.resolve();
      } catch (error) {
        if (group.length === 1) {
          group[0].reject(error);
          continue;
        }
        for (const entry of group) {
          await this.writeGroup([entry.item]).then(entry.resolve, entry.reject);
        }
      }
      // Let requests that arrived during the write be read and validated, so they join the next group.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.writing = false;
  }
}
