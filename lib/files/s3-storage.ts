import "server-only";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { S3Config } from "@/lib/env";
import {
  checkedKey,
  measured,
  newMeasure,
  StoredFileMissing,
  type FileStorage,
  type StoredBytes,
} from "./stored-bytes";

/** S3's smallest multipart part: about what one upload holds in memory, whatever the file's size. */
const PART_BYTES = 5 * 1024 * 1024;

export class S3Storage implements FileStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3Config) {
    const clientConfig: S3ClientConfig = {
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // Integrity is our own SHA-256; the SDK's default CRC trailers (aws-chunked bodies) are not
      // understood by every S3-compatible server (older MinIO and Ceph, s3rver).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    };
    this.client = new S3Client(clientConfig);
    this.bucket = config.bucket;
  }

  async put(key: string, source: Readable): Promise<StoredBytes> {
    const measure = newMeasure();
    // The length is not known until the upload ends, so the SDK sends parts of PART_BYTES (one
    // PutObject when the file is smaller); a failed source aborts the multipart upload.
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: checkedKey(key),
        Body: Readable.from(measured(source, measure), { objectMode: false }),
      },
      partSize: PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      source.destroy();
      // A failed source is the reason, whatever the abort that follows answers (some S3-compatible
      // servers refuse AbortMultipartUpload; a bucket lifecycle rule then clears the parts). No
      // object exists under the key either way: parts become one only on completion.
      throw measure.failure ?? error;
    }
    return { size: measure.size, sha256: measure.hash.digest("hex") };
  }

  async get(key: string): Promise<Readable> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
      // On Node the SDK's body is the response stream itself.
      return object.Body as Readable;
    } catch (error) {
      if (
        error instanceof NoSuchKey ||
        (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
      ) {
        throw new StoredFileMissing(key);
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
  }
}
