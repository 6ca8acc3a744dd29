import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "@/tests/helpers/wait";
import { postWebhook } from "./send";

/** A receiver that acknowledges, then streams its body without end. */
let endless: http.Server;
let url: string;

beforeAll(async () => {
  endless = http.createServer((request, response) => {
    request.resume();
    response.writeHead(200, { "Content-Type": "text/plain" });
    const chunk = Buffer.alloc(4096, "a");
    const timer = setInterval(() => response.write(chunk), 1);
    response.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => endless.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(endless.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  endless.closeAllConnections();
  await new Promise((resolve) => endless.close(resolve));
});

/** Listens on a free loopback port; answers the URL of `/hook` there and a way to close. */
async function serve(server: net.Server, scheme = "http") {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe("postWebhook", () => {
  it("takes the answer of a receiver that streams an endless body once it has the excerpt, instead of waiting out the timeout", async () => {
    const result = await postWebhook(url, "{}", { "Content-Type": "application/json" }, { allowPrivate: true });
    expect(result.statusCode).toBe(200);
    expect(result.excerpt).toMatch(/^a+$/);
  });

  it("gives up on a receiver that takes the connection and never answers, and closes that connection", async () => {
    const sockets: net.Socket[] = [];
    let closed = 0;
    const silent = net.createServer((socket) => {
      sockets.push(socket);
      socket.resume();
      socket.on("close", () => (closed += 1));
      socket.on("error", () => {});
    });
    const { url: silentUrl, close } = await serve(silent);
    try {
      const result = await postWebhook(silentUrl, "{}", {}, { allowPrivate: true, timeoutMs: 300 });
      expect(result).toMatchObject({ statusCode: null, excerpt: "No answer within 0.3 s." });
      // It was connected and then given up on, not refused before sending.
      expect(sockets).toHaveLength(1);
      await waitUntil(() => closed === 1, "the sender closes the connection it gave up on");
    } finally {
      for (const socket of sockets) socket.destroy();
      await close();
    }
  });

  it("takes an answer cut off after its headers as no answer, even with a 2xx status", async () => {
    const cutting = http.createServer((request, response) => {
      request.resume();
      const partial = request.url === "/hook?with-part-of-body" ? "partial answer" : "";
      response.writeHead(200, { "Content-Type": "text/plain", "Content-Length": "100" });
      response.write(partial, () => response.socket?.destroy());
    });
    const { url: cuttingUrl, close } = await serve(cutting);
    try {
      for (const target of [cuttingUrl, `${cuttingUrl}?with-part-of-body`]) {
        const result = await postWebhook(target, "{}", {}, { allowPrivate: true });
        expect(result, target).toMatchObject({ statusCode: null, excerpt: "No answer: ECONNRESET." });
      }
    } finally {
      cutting.closeAllConnections();
      await close();
    }
  });

  it("refuses plain http and private addresses unless private delivery is allowed", async () => {
    const result = await postWebhook(url, "{}", {}, { allowPrivate: false });
    expect(result.statusCode).toBeNull();
    expect(result.excerpt).toMatch(/^Not sent/);
  });
});
