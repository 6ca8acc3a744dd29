import "server-only";
import busboy from "busboy";
import { AppError } from "@/lib/errors";
import { uploadFile, type UploadedFile } from "@/lib/files/upload-file";
import { MAX_FILE_BYTES } from "@/lib/files/resource-schema";
import { abandonedBodies, jsonResponse, mediaType, type ApiResponse } from "../http";
import type { PartnerApiContext } from "../partner-api";

const tooLarge = () => new AppError("payload_too_large", 413, "The file is larger than 10 MB.");

/** Reads the one `file` part of a multipart body, refusing anything past 10 MB as it streams. */
function readFilePart(context: PartnerApiContext): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: context.request.headers,
        limits: { files: 1, fileSize: MAX_FILE_BYTES, fields: 10, parts: 11, fieldSize: 1024 },
      });
    } catch {
      reject(new AppError("validation_error", 400, "The multipart body is malformed (missing boundary)."));
      return;
    }
    let upload: UploadedFile | null = null;
    let failure: AppError | null = null;
    parser.on("file", (field, stream, info) => {
      if (field !== "file") {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => (failure = tooLarge()));
      stream.on("close", () => {
        if (!failure) upload = { fileName: info.filename ?? "document", bytes: Buffer.concat(chunks) };
      });
    });
    parser.on("filesLimit", () => (failure ??= new AppError("validation_error", 400, "Send one file per request.")));
    parser.on("error", () => reject(new AppError("validation_error", 400, "The multipart body is malformed.")));
    parser.on("close", () => {
      if (failure) reject(failure);
      else if (!upload) {
        reject(
          new AppError("validation_error", 400, 'Send the document in a multipart field named "file".', [
            { field: "file", code: "required", message: "Choose a file to upload." },
          ]),
        );
      } else resolve(upload);
    });
    context.request.pipe(parser);
  });
}

/** POST /api/files/upload (multipart/form-data, field `file`) */
export async function uploadFileHandler(context: PartnerApiContext): Promise<ApiResponse> {
  if (mediaType(context.request) !== "multipart/form-data") {
    throw new AppError(
      "unsupported_media_type",
      415,
      'Upload the file as multipart/form-data in a field named "file".',
    );
  }
  const declared = Number(context.request.headers["content-length"]);
  // Room for the multipart envelope around a 10 MB file.
  if (Number.isFinite(declared) && declared > MAX_FILE_BYTES + 64 * 1024) {
    abandonedBodies.add(context.request);
    throw tooLarge();
  }
  const upload = await readFilePart(context);
  return jsonResponse(200, await uploadFile(context.partner.partnerId, upload));
}
