import path from "node:path";

/** The data folder: DATA_DIR, or ./data. Kept secrets, the embedded database and local documents live here. */
export function dataDirectory(): string {
  // A folder of data read at run time, not source: the bundler must not trace the project from it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? "data");
}
