import fs from "node:fs";
import path from "node:path";

/**
 * The SQLite database URL, shared by the app and the Prisma CLI (whose config file does not
 * read .env). Defaults to an embedded database under ./data so that a fresh clone just works.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL ?? "file:./data/axisfi.db";
  if (url.startsWith("file:")) {
    const filePath = path.resolve(url.slice("file:".length));
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    return `file:${filePath}`;
  }
  return url;
}
