import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres";

/** The database the embedded PostgreSQL keeps the portal in. */
const EMBEDDED_DATABASE = "axisfi";

export interface OpenDatabase {
  /** The connection URL, also set as process.env.DATABASE_URL for this process and its children. */
  url: string;
  /** Whether it is the embedded PostgreSQL (started or joined by this call). */
  embedded: boolean;
  /** Stops the embedded PostgreSQL if this process is the one to stop it; nothing for an external one. */
  stop(): Promise<void>;
}

/**
 * The database this process works on: DATABASE_URL when set (any PostgreSQL 14+), otherwise the
 * embedded PostgreSQL under `<dataDir>/postgres`, started now or joined if it is already running.
 * The app owns it (`owner`: stops it when it stops, even after a crash left it running); a command
 * run beside the app joins the running one and leaves it running.
 */
export async function openDatabase(options: { dataDir: string; owner: boolean }): Promise<OpenDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => undefined };
  const server = await startEmbeddedPostgres({ dir: path.join(options.dataDir, "postgres"), owner: options.owner });
  await ensureDatabase(server, EMBEDDED_DATABASE);
  const url = server.urlFor(EMBEDDED_DATABASE);
  process.env.DATABASE_URL = url;
  return { url, embedded: true, stop: () => server.stop() };
}
