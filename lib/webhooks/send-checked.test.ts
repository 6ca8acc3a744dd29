import { execFileSync } from "node:child_process";
import dns from "node:dns";
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postWebhook } from "./send";

/**
 * Deliveries through the production path (allowPrivate false: the address-checking agents), to a
 * receiver on this machine. Nothing may leave the machine, so the test changes three things
 * around send.ts, and nothing in it:
 * - 127.0.0.1 stands for a public address: every other address is judged by the real check
 *   (address-check.test.ts tests it), so 127.0.0.2 and ::1 stay refused; whatever this file
 *   connects to, even through a broken check, is a loopback address.
 * - the host names of this file (*.partner.test) resolve to the addresses each test gives;
 *   every other name goes to the system's resolver.
 * - the https agents also trust a CA made for this file (Node 20 has no API to add one to the
 *   default store at run time); the certificate is still checked, against the host name.
 */
const STANDS_FOR_PUBLIC = vi.hoisted(() => "127.0.0.1");

vi.mock("./address-check", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./address-check")>();
  return {
    ...actual,
    isPublicAddress: (address: string) => address === STANDS_FOR_PUBLIC || actual.isPublicAddress(address),
  };
});

const HOST = "hooks.partner.test";
const answers = new Map<string, dns.LookupAddress[]>();
const looked: { hostname: string; all: boolean }[] = [];
const systemLookup = dns.lookup;
vi.spyOn(dns, "lookup").mockImplementation(((
  hostname: string,
  options: dns.LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => {
  const given = answers.get(hostname);
  if (!given) return (systemLookup as (...args: unknown[]) => void)(hostname, options, callback);
  looked.push({ hostname, all: options.all === true });
  process.nextTick(() => callback(null, given));
}) as unknown as typeof dns.lookup);

let folder: string;
let ca: string;
let key: Buffer;
const servers: https.Server[] = [];
let port: number;
const connections: { servername: string | false | null; remoteAddress?: string }[] = [];
const received: { url?: string; body: string; headers: Record<string, unknown> }[] = [];

/** A receiver on 127.0.0.1 with this file's certificate; answers its port. */
async function startReceiver(): Promise<number> {
  const server = https.createServer({ key, cert: ca }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ url: request.url, body: Buffer.concat(chunks).toString("utf8"), headers: request.headers });
      // No connection kept for reuse: each delivery below makes (and checks) its own.
      response.writeHead(200, { "Content-Type": "text/plain", Connection: "close" }).end("ok");
    });
  });
  server.on("secureConnection", (socket: TLSSocket) =>
    connections.push({ servername: socket.servername, remoteAddress: socket.remoteAddress }),
  );
  server.on("connection", (socket: Socket) => socket.on("error", () => {}));
  server.on("tlsClientError", () => {});
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, STANDS_FOR_PUBLIC, resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-webhook-tls-"));
  const keyFile = path.join(folder, "key.pem");
  const certFile = path.join(folder, "cert.pem");
  try {
    // A self-signed certificate for HOST only, made for this run (Debian's openssl).
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
        ...["-keyout", keyFile, "-out", certFile, "-days", "1", "-subj", `/CN=${HOST}`],
        ...["-addext", `subjectAltName=DNS:${HOST}`],
      ],
      { stdio: "pipe" },
    );
  } catch (error) {
    throw new Error(`This test makes its certificate with openssl, which failed: ${(error as Error).message}`);
  }
  ca = fs.readFileSync(certFile, "utf8");
  key = fs.readFileSync(keyFile);
  port = await startReceiver();
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** Runs `send` with the https agents also trusting this file's CA. */
async function trustingTestCa<T>(send: () => Promise<T>): Promise<T> {
  const createConnection = https.Agent.prototype.createConnection;
  const spy = vi.spyOn(https.Agent.prototype, "createConnection").mockImplementation(function (
    this: https.Agent,
    ...args: unknown[]
  ) {
    const [options, ...rest] = args as [Record<string, unknown>, ...unknown[]];
    return (createConnection as (...args: unknown[]) => ReturnType<typeof createConnection>).call(
      this,
      { ...options, ca },
      ...rest,
    );
  });
  try {
    return await send();
  } finally {
    spy.mockRestore();
  }
}

describe("postWebhook through the address-checking agents", () => {
  it("delivers over https to a host whose every address is public, checking the certificate against the host", async () => {
    answers.set(HOST, [{ address: STANDS_FOR_PUBLIC, family: 4 }]);
    const before = received.length;
    const result = await trustingTestCa(() =>
      postWebhook(
        `https://${HOST}:${port}/hook`,
        '{"id":"evt_1"}',
        { "Content-Type": "application/json" },
        {
          allowPrivate: false,
        },
      ),
    );
    expect(result).toMatchObject({ statusCode: 200, excerpt: "ok" });
    // Every address of the host was asked for, to be checked (not only the first).
    expect(looked).toContainEqual({ hostname: HOST, all: true });
    expect(received.slice(before)).toMatchObject([{ url: "/hook", body: '{"id":"evt_1"}' }]);
    // Connected to the checked address, and asked for the host's certificate by its name.
    expect(connections.at(-1)).toEqual({ servername: HOST, remoteAddress: STANDS_FOR_PUBLIC });
  });

  it("still refuses a certificate that is not the host's, or not from a trusted CA", async () => {
    const other = "other.partner.test";
    answers.set(other, [{ address: STANDS_FOR_PUBLIC, family: 4 }]);
    answers.set(HOST, [{ address: STANDS_FOR_PUBLIC, family: 4 }]);
    const before = received.length;
    const wrongHost = await trustingTestCa(() =>
      postWebhook(`https://${other}:${port}/hook`, "{}", {}, { allowPrivate: false }),
    );
    expect(wrongHost).toMatchObject({ statusCode: null, excerpt: "No answer: ERR_TLS_CERT_ALTNAME_INVALID." });
    // Without the test's CA, as in production: a self-signed certificate is no certificate. (A
    // receiver of its own: the agent would resume the TLS session it verified with the CA.)
    const freshPort = await startReceiver();
    const untrusted = await postWebhook(`https://${HOST}:${freshPort}/hook`, "{}", {}, { allowPrivate: false });
    expect(untrusted).toMatchObject({ statusCode: null, excerpt: "No answer: DEPTH_ZERO_SELF_SIGNED_CERT." });
    expect(received.length).toBe(before);
  });

  it("refuses a host that resolves to a public and a private address, in either order, connecting to neither", async () => {
    const before = connections.length;
    for (const addresses of [
      [STANDS_FOR_PUBLIC, "127.0.0.2"],
      ["127.0.0.2", STANDS_FOR_PUBLIC],
      [STANDS_FOR_PUBLIC, "::1"],
    ]) {
      answers.set(
        HOST,
        addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
      );
      const result = await trustingTestCa(() =>
        postWebhook(`https://${HOST}:${port}/hook`, "{}", {}, { allowPrivate: false }),
      );
      expect(result, addresses.join(", ")).toMatchObject({
        statusCode: null,
        excerpt: "Not sent: the host resolves to a private or reserved address.",
      });
    }
    expect(connections.length).toBe(before);
  });
});
