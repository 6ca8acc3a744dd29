import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "./database-url";
import { parseEnvironment, s3Config, SECRET_MIN_LENGTH, secretFromDataDir } from "./env";

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
  it("refuses anything but a PostgreSQL URL, naming what is wrong without echoing it", () => {
    const previous = process.env.DATABASE_URL;
    try {
      process.env.DATABASE_URL = "file:./data/axisfi.db";
      expect(() => databaseUrl()).toThrow("DATABASE_URL must be a postgresql:// URL.");
      process.env.DATABASE_URL = "postgresql://app:secret@db.internal/axisfi";
      expect(databaseUrl()).toBe("postgresql://app:secret@db.internal/axisfi");
      delete process.env.DATABASE_URL;
      expect(() => databaseUrl()).toThrow(/DATABASE_URL is not set/);
    } finally {
      process.env.DATABASE_URL = previous;
    }
  });
});

describe("file storage settings", () => {
  const S3 = {
    FILE_STORAGE: "s3",
    S3_BUCKET: "documents",
    S3_REGION: "eu-west-1",
    S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
    S3_SECRET_ACCESS_KEY: "a-secret-that-must-never-be-printed",
  };

  it("keeps documents in the local folder unless told otherwise", () => {
    const settings = parseEnvironment({});
    expect(settings.FILE_STORAGE).toBe("local");
    expect(s3Config(settings)).toBeUndefined();
  });

  it("names each missing S3 setting when FILE_STORAGE=s3, at start", () => {
    expect(() => parseEnvironment({ FILE_STORAGE: "s3" })).toThrow(
      /S3_BUCKET: required when FILE_STORAGE=s3\n\s+S3_REGION: required when FILE_STORAGE=s3/,
    );
    expect(() => parseEnvironment({ FILE_STORAGE: "S3" })).toThrow(/FILE_STORAGE/);
    expect(() => parseEnvironment({ ...S3, S3_ENDPOINT: "minio:9000" })).toThrow(
      /S3_ENDPOINT: must be an http\(s\) URL/,
    );
  });

  it("refuses one half of a key pair, without printing the half it was given", () => {
    const { S3_ACCESS_KEY_ID: _, ...secretOnly } = S3;
    let message = "";
    try {
      parseEnvironment(secretOnly);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/S3_ACCESS_KEY_ID: set both/);
    expect(message).not.toContain(S3.S3_SECRET_ACCESS_KEY);
    expect(() => parseEnvironment({ ...S3, S3_SECRET_ACCESS_KEY: undefined })).toThrow(
      /S3_SECRET_ACCESS_KEY: set both/,
    );
  });

  it("addresses a non-AWS server by path unless told otherwise, and AWS by host name", () => {
    expect(s3Config(parseEnvironment({ ...S3, S3_ENDPOINT: "http://127.0.0.1:9000" }))).toEqual({
      bucket: "documents",
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:9000",
      forcePathStyle: true,
      credentials: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: S3.S3_SECRET_ACCESS_KEY },
    });
    expect(s3Config(parseEnvironment(S3))).toMatchObject({ endpoint: undefined, forcePathStyle: false });
    expect(
      s3Config(parseEnvironment({ ...S3, S3_ENDPOINT: "https://r2.example.com", S3_FORCE_PATH_STYLE: "false" })),
    ).toMatchObject({ forcePathStyle: false });
    // Neither key: the SDK's own chain (an instance role, a profile).
    const { S3_ACCESS_KEY_ID: _id, S3_SECRET_ACCESS_KEY: _secret, ...noKeys } = S3;
    expect(s3Config(parseEnvironment(noKeys))?.credentials).toBeUndefined();
  });
});
