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
    // Only the server's own user may read the database, its WAL or the keys beside it. SQLite
    // gives the -wal and -shm files the main file's mode, so the file is made 0600 before it opens.
    const folder = path.dirname(filePath);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    // An existing data/ from an older install is tightened too; a folder of the operator's choosing is left as it is.
    if (folder === path.resolve("data")) fs.chmodSync(folder, 0o700);
    fs.closeSync(fs.openSync(filePath, "a", 0o600));
    for (const file of [filePath, `${filePath}-wal`, `${filePath}-shm`]) {
      if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
    }
    return `file:${filePath}`;
  }
  return url;
}
