/**
 * Waiting in tests: for something the test can see happen (a row written, a log line, a socket's
 * state, a receiver's request count), never for an amount of time. A deadline only turns a wait
 * that would never end into a failure that says what did not happen; it is no bound on how fast
 * the thing must happen, so make it generous.
 */

const POLL_MS = 25;

/**
 * Resolves once `condition` holds, checking again every few milliseconds; fails after
 * `timeoutMs` with "Timed out waiting until <what>", plus `seen()` of the last look when given.
 * The default deadline is under Vitest's 20 s per test, so that its message, not Vitest's, is
 * what a failure shows.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
  seen?: () => string | Promise<string>,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) {
      const last = seen ? ` Last seen: ${await seen()}` : "";
      throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}.${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
