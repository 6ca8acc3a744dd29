import "server-only";

/**
 * Group commit: writes that arrive while a write is under way are gathered and written together
 * in the next transaction, so concurrent requests share one transaction, one fsync and one
 * compilation of each query. Nothing waits for a timer: a lone write goes at once. Each caller's
 * promise settles only when its own rows are committed, or with its own error: when a group
 * fails, its writes are retried one by one, so one bad write never fails the others.
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
      if (!this.writing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing = true;
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
    }
    this.writing = false;
  }
}
