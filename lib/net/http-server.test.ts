import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createBoundedServer, SERVER_TIMEOUTS, type ServerTimeouts } from "./http-server";

const FAST: ServerTimeouts = { headersMs: 400, requestMs: 1_200, keepAliveMs: 300 };
const servers: ReturnType<typeof createBoundedServer>[] = [];

async function listen(timeouts = FAST) {
  const server = createBoundedServer((request, response) => {
    request.resume();
    request.on("end", () => response.end("ok"));
  }, timeouts);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Opens a socket, runs `drip` on it, and resolves with the ms until the server closed it. */
function closedAfter(port: number, drip: (socket: net.Socket) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1", () => drip(socket));
    // Read what the server sends, so that its closing the connection is seen.
    socket.resume();
    socket.on("error", () => {});
    socket.on("close", () => resolve(Date.now() - started));
    setTimeout(() => reject(new Error("the server kept the slow connection open")), 8_000).unref();
  });
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("createBoundedServer", () => {
  it("uses 10 s for headers, 60 s for a whole request and a bounded keep-alive by default", () => {
    const server = createBoundedServer(() => {});
    expect(server.headersTimeout).toBe(10_000);
    expect(server.requestTimeout).toBe(60_000);
    expect(server.keepAliveTimeout).toBeLessThanOrEqual(10_000);
    expect(SERVER_TIMEOUTS).toEqual({ headersMs: 10_000, requestMs: 60_000, keepAliveMs: 5_000 });
  });

  it("cuts off a client that dribbles its headers (slow loris)", async () => {
    const port = await listen();
    const elapsed = await closedAfter(port, (socket) => {
      socket.write("GET / HTTP/1.1\r\nHost: x\r\n");
      const timer = setInterval(() => socket.writable && socket.write("X-Slow: 1\r\n"), 100);
      socket.on("close", () => clearInterval(timer));
    });
    expect(elapsed).toBeLessThan(FAST.headersMs + 2_500);
  });

  it("cuts off a client that sends its body too slowly", async () => {
    const port = await listen();
    const elapsed = await closedAfter(port, (socket) => {
      socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
      const timer = setInterval(() => socket.writable && socket.write("a"), 100);
      socket.on("close", () => clearInterval(timer));
    });
    expect(elapsed).toBeLessThan(FAST.requestMs + 2_500);
  });

  it("closes an idle keep-alive connection", async () => {
    const port = await listen();
    const elapsed = await closedAfter(port, (socket) => {
      socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    });
    expect(elapsed).toBeLessThan(FAST.keepAliveMs + 2_500);
  });
});
