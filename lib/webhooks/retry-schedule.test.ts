import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETRY_DELAYS_MS,
  DEFAULT_RETRY_FOR_MS,
  nextAttemptAt,
  parseRetryDelays,
  type RetrySchedule,
} from "./retry-schedule";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = new Date("2026-01-01T00:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const defaults: RetrySchedule = { delaysMs: DEFAULT_RETRY_DELAYS_MS, retryForMs: DEFAULT_RETRY_FOR_MS };

describe("nextAttemptAt", () => {
  it("waits longer after each failure, the last delay repeating", () => {
    const schedule: RetrySchedule = { delaysMs: [10, 20, 40], retryForMs: 1_000 };
    expect(nextAttemptAt(schedule, 1, start, at(0))).toEqual(at(10));
    expect(nextAttemptAt(schedule, 2, start, at(10))).toEqual(at(30));
    expect(nextAttemptAt(schedule, 3, start, at(30))).toEqual(at(70));
    expect(nextAttemptAt(schedule, 9, start, at(500))).toEqual(at(540));
  });

  it("retries for three days by default, the last retry at three days exactly, then gives up", () => {
    const times: number[] = [];
    let now = start;
    for (let attempt = 1; ; attempt += 1) {
      const next = nextAttemptAt(defaults, attempt, start, now);
      if (!next) break;
      times.push(next.getTime() - start.getTime());
      now = next;
    }
    expect(times.slice(0, 6)).toEqual([1, 6, 36, 156, 456, 1056].map((minutes) => minutes * MINUTE));
    expect(times.at(-1)).toBe(72 * HOUR);
    expect(times.at(-2)).toBeLessThan(72 * HOUR);
    expect(times.length).toBeGreaterThanOrEqual(10);
    for (let index = 1; index < times.length; index += 1) expect(times[index]).toBeGreaterThan(times[index - 1]);
  });

  it("gives up on a failure at or after the deadline", () => {
    expect(nextAttemptAt(defaults, 12, start, at(72 * HOUR))).toBeNull();
    expect(nextAttemptAt(defaults, 12, start, at(80 * HOUR))).toBeNull();
  });
});

describe("parseRetryDelays", () => {
  it("reads comma-separated milliseconds", () => {
    expect(parseRetryDelays("100, 200,400")).toEqual([100, 200, 400]);
    expect(parseRetryDelays("0")).toEqual([0]);
  });

  it("refuses anything else", () => {
    for (const bad of ["", "1,,2", "-1", "1.5", "ten"]) expect(parseRetryDelays(bad), bad).toBeNull();
  });
});
