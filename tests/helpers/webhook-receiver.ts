import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request a receiver got: the raw body as sent, its headers, and what was answered. */
export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  eventId: string;
  /** The status answered; null while the request is held (a "hang" answer) or was never answered. */
  answered: number | null;
  /** Held unanswered and its connection still open: the sender is still waiting for the answer. */
  held: boolean;
}

/** How to answer the nth request (0-based) to a path: a status, or "hang" (never answer). */
export type Answer = number | "hang";

/**
 * A real webhook receiver (node:http on 127.0.0.1) for the delivery tests. Each test uses a path
 * of its own; `answer` says what to answer on it (200 unless told), `received` lists its requests.
 */
export async function startWebhookReceiver() {
  const requests: Received[] = [];
  const answers = new Map<string, (count: number, received: Received) => Answer>();
  const held = new Set<http.ServerResponse>();
  const waiters = new Set<() => void>();
  /** Per path, the most requests held open at once. */
  const peaks = new Map<string, number>();
  const heldOn = (path: string) => requests.filter((entry) => entry.path === path && entry.held).length;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = request.url ?? "/";
      let eventId = "";
      try {
        eventId = (JSON.parse(body) as { id: string }).id;
      } catch {
        // left empty: the test sees it
      }
      const entry: Received = { path, headers: request.headers, body, eventId, answered: null, held: false };
      const count = requests.filter((earlier) => earlier.path === path).length;
      requests.push(entry);
      const answer = answers.get(path)?.(count, entry) ?? 200;
      if (answer === "hang") {
        held.add(response);
        entry.held = true;
        peaks.set(path, Math.max(peaks.get(path) ?? 0, heldOn(path)));
        // The sender gave up (its timeout) or the receiver closed: no longer held.
        response.once("close", () => {
          held.delete(response);
          entry.held = false;
          for (const wake of waiters) wake();
        });
      } else {
        entry.answered = answer;
        response.writeHead(answer, { "Content-Type": "text/plain" }).end(answer < 300 ? "ok" : `refused ${answer}`);
      }
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    urlFor: (path: string) => `http://127.0.0.1:${port}${path}`,
    /** What to answer on `path`, by the request's number (0 for the first) there. */
    answer(path: string, choose: (count: number, received: Received) => Answer) {
      answers.set(path, choose);
    },
    received: (path: string) => requests.filter((entry) => entry.path === path),
    /** The requests to `path` held unanswered right now, their senders still waiting. */
    held: heldOn,
    /** The most requests to `path` that were held open at once. */
    peakHeld: (path: string) => peaks.get(path) ?? 0,
    /** Resolves once `condition` holds of the requests to `path`; fails after the deadline. */
    async waitFor(path: string, condition: (received: Received[]) => boolean, what: string, timeoutMs = 20_000) {
      const check = () => condition(requests.filter((entry) => entry.path === path));
      if (check()) return;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          const seen = requests.filter((entry) => entry.path === path).map((entry) => entry.answered);
          reject(new Error(`Timed out waiting until ${what} (answers so far on ${path}: ${JSON.stringify(seen)}).`));
        }, timeoutMs);
        const wake = () => {
          if (!check()) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
      });
    },
    async close() {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
