import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "./database-url";
import { SECRET_MIN_LENGTH, secretFromDataDir } from "./env";

const freshDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-env-")), "data");
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("secretFromDataDir", () => {
  it("creates the data folder 0700 and a secret file 0600 on first start, then reads the same secret", () => {
    const dir = freshDir();
    const secret = secretFromDataDir(dir, "auth.secret");
    expect(secret.length).toBeGreaterThanOrEqual(SECRET_MIN_LENGTH);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, "auth.secret"))).toBe(0o600);
    expect(secretFromDataDir(dir, "auth.secret")).toBe(secret);
    expect(fs.readdirSync(dir)).toEqual(["auth.secret"]);
  });

  it("refuses a kept secret shorter than 32 characters (a torn write) instead of using it", () => {
    const dir = freshDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "auth.secret"), "a".repeat(SECRET_MIN_LENGTH - 1));
    expect(() => secretFromDataDir(dir, "auth.secret")).toThrow(/fewer than 32/);
    fs.writeFileSync(path.join(dir, "auth.secret"), "");
    expect(() => secretFromDataDir(dir, "auth.secret")).toThrow(/fewer than 32/);
  });
});

describe("databaseUrl", () => {
  it("creates the database file 0600 in a 0700 folder before SQLite opens it", () => {
    const dir = freshDir();
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${path.join(dir, "axisfi.db")}`;
    try {
      expect(databaseUrl()).toBe(`file:${path.join(dir, "axisfi.db")}`);
    } finally {
      process.env.DATABASE_URL = previous;
    }
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, "axisfi.db"))).toBe(0o600);
    // SQLite gives its WAL and shared-memory files the main file's mode: they hold the same data.
    const database = new Database(path.join(dir, "axisfi.db"));
    try {
      database.pragma("journal_mode = WAL");
      database.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('row')");
      expect(modeOf(path.join(dir, "axisfi.db-wal"))).toBe(0o600);
      expect(modeOf(path.join(dir, "axisfi.db-shm"))).toBe(0o600);
    } finally {
      database.close();
    }
  });
});
