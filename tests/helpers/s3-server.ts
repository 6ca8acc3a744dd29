import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Config } from "@/lib/env";

/** s3rver checks signatures against its one fixed key pair. */
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
const BUCKET = "axisfi-documents";

export interface RunningS3Server {
  config: S3Config;
  /** The same settings as the portal reads them from the environment. */
  environment: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * A real S3-protocol server (s3rver) on 127.0.0.1, a free port and a temporary folder, with one
 * empty bucket; stop() closes it and removes the folder.
 */
export async function startS3Server(): Promise<RunningS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    config: { bucket: BUCKET, region: "us-east-1", endpoint, forcePathStyle: true, credentials: CREDENTIALS },
    environment: {
      FILE_STORAGE: "s3",
      S3_ENDPOINT: endpoint,
      S3_BUCKET: BUCKET,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    },
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
