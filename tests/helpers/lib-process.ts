import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { AppError, type Message } from "@/lib/errors";
import type { LibCalls } from "./lib-process-main";

/**
 * Another process calling the app's own functions (lib/) on this test file's database, with the
 * same configuration: what a second app process does when it serves a page or an action. Calls
 * are listed in lib-process-main.ts; an AppError thrown there is thrown here with its code and
 * status.
 */
export interface LibProcess {
  pid: number;
  call<Name extends keyof LibCalls>(
    name: Name,
    ...args: Parameters<LibCalls[Name]>
  ): Promise<Awaited<ReturnType<LibCalls[Name]>>>;
  stop(): Promise<void>;
}

type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code?: string; status?: number; message: Message | string } }
  | { ready: true };

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export async function startLibProcess(): Promise<LibProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/lib-process-main.ts"], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.server.json" },
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let markReady: () => void;
  let failStart: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failStart = reject;
  });
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    const reply = JSON.parse(line) as Reply;
    if ("ready" in reply) return markReady();
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.value);
    else
      waiter?.reject(
        reply.error.code && typeof reply.error.message === "object"
          ? new AppError(reply.error.code as never, reply.error.status ?? 500, reply.error.message)
          : new Error(String(reply.error.message)),
      );
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => {
    const error = new Error(`The lib process exited. ${stderr.trim().slice(-1000)}`);
    failStart(error);
    for (const waiter of pending.values()) waiter.reject(error);
  });
  await ready;

  let nextId = 0;
  return {
    pid: child.pid!,
    call: (name, ...args) =>
      new Promise((resolve, reject) => {
        nextId += 1;
        pending.set(nextId, { resolve: resolve as (value: unknown) => void, reject });
        child.stdin.write(`${JSON.stringify({ id: nextId, name, args })}\n`);
      }),
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
