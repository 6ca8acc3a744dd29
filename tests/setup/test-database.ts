import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";

// Each test file gets its own copy of the migrated database and its own file storage, set before
// any module reads the environment.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-test-file-"));
fs.copyFileSync(inject("templateDatabase"), path.join(dir, "test.db"));
process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
process.env.FILE_STORAGE_DIR = path.join(dir, "files");
process.env.API_KEY_HASH_SECRET = "test-hash-secret-0123456789abcdef0123456789";
process.env.LOG_REQUESTS = "false";
