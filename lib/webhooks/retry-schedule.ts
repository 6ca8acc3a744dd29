/**
 * When a failed delivery is tried again: after each failed attempt, the next delay of the list
 * (the last one repeating), until the delivery has been retried for `retryForMs` since its first
 * attempt; the last retry is made at that moment exactly, then the delivery gives up.
 * Defaults: 1 min, 5 min, 30 min, 2 h, 5 h, then every 10 h, for 3 days (about 11 attempts).
 */
export const DEFAULT_RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000] as const;
export const DEFAULT_RETRY_FOR_MS = 3 * 24 * 60 * 60 * 1000;

export interface RetrySchedule {
  delaysMs: readonly number[];
  retryForMs: number;
}

/**
 * When to try again after attempt number `attempt` (1 for the first) failed at `now`, for a
 * delivery first attempted at `firstAttemptAt`; null: give up (mark it failed).
 */
export function nextAttemptAt(schedule: RetrySchedule, attempt: number, firstAttemptAt: Date, now: Date): Date | null {
  const deadline = firstAttemptAt.getTime() + schedule.retryForMs;
  if (now.getTime() >= deadline) return null;
  const delays = schedule.delaysMs;
  const delay = delays[Math.min(Math.max(attempt, 1), delays.length) - 1] ?? 0;
  return new Date(Math.min(now.getTime() + delay, deadline));
}

/** WEBHOOK_RETRY_DELAYS_MS: comma-separated whole milliseconds, at least one. */
export function parseRetryDelays(value: string): number[] | null {
  const delays = value.split(",").map((part) => part.trim());
  if (delays.length === 0 || delays.some((part) => !/^\d{1,12}$/.test(part))) return null;
  return delays.map(Number);
}
