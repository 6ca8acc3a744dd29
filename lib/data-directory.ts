import path from "node:path";

/** The data folder: DATA_DIR, or ./data. Kept secrets, the embedded database and local documents live here. */
export function dataDirectory(): string {
  return path.resolve(process.env.DATA_DIR ?? "data");
}
