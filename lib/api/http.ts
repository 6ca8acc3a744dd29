import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors";

/** What a partner API handler answers; the door writes it to the socket. */
export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers, body: JSON.stringify(value) };
}

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Requests whose body we refused part-way; their connection is closed rather than drained. */
export const abandonedBodies = new WeakSet<IncomingMessage>();

/** How long, and how much more, a refused body is read and dropped after the answer (see below). */
const LINGER_MS = 2_000;
const LINGER_BYTES = 16 * 1024 * 1024;

/**
 * After refusing a body part-way, the rest is not worth reading, but closing the socket while the
 * client is still sending makes its TCP stack reset the connection, and the client often loses
 * the answer with it (measured: Node's HTTP client saw EPIPE instead of the 413 in 4 runs of 10).
 * So the answer goes out with "Connection: close" and the write side is closed after it, as Node
 * does; but the read side stays open for a short, bounded while (at most 2 s or 16 MB more),
 * dropping what still arrives, so that the client sees the answer and stops; then the socket is
 * closed. Call it after the answer is handed to `response.end`.
 */
export function lingerThenClose(request: IncomingMessage, response: ServerResponse): void {
  const socket = request.socket;
  let dropped = 0;
  const close = () => socket.destroy();
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  // Node's own "finish" listener (registered before ours) asks the socket to destroy itself once
  // the answer is flushed; keep only the half-close, and close when the linger ends.
  response.once("finish", () => socket.removeListener("finish", socket.destroy));
  request.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) close();
  });
  request.once("end", close);
  socket.once("end", close);
  request.resume();
}

/** Reads the whole body, refusing (413) as soon as it passes `limit` bytes, declared or not. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    abandonedBodies.add(request);
    throw bodyTooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      abandonedBodies.add(request);
      throw bodyTooLarge(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function bodyTooLarge(limit: number): AppError {
  return new AppError("payload_too_large", 413, {
    key: "bodyTooLarge",
    values: { size: Math.round(limit / 1024 / 1024) },
  });
}

/** The media type of a request without parameters, lower-cased (`application/json`). */
export function mediaType(request: IncomingMessage): string {
  return (request.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
}

export function requireJson(request: IncomingMessage): void {
  if (mediaType(request) !== "application/json") {
    throw new AppError("unsupported_media_type", 415, "sendJson");
  }
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new AppError("invalid_json", 400, "invalidJson");
  }
}

/** A single header value; repeated headers count as absent rather than guessing which one is meant. */
export function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}
