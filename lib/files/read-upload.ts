import "server-only";
import { PassThrough, type Readable } from "node:stream";
import busboy from "busboy";
import { AppError } from "@/lib/errors";
import { MAX_FILE_BYTES } from "./resource-schema";

/** The file part of an upload, as it arrives: its bytes are read once, from `content`. */
export interface IncomingFile {
  fileName: string;
  content: Readable;
}

/** Form fields an upload may carry beside its file (the wizard sends none today). */
export const MAX_UPLOAD_FIELDS = 10;
const MAX_FIELD_BYTES = 1024;
/** Room for the multipart envelope: boundaries, part headers and the few small fields. */
const ENVELOPE_BYTES = 64 * 1024;
/** The most either door reads of an upload's body, whatever its Content-Length says. */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + ENVELOPE_BYTES;

const tooLarge = () => new AppError("payload_too_large", 413, "fileTooLarge");
/** What is wrong with a malformed body, in a word the catalog puts into a sentence. */
type MalformedDetail = "boundary" | "ended" | "unparseable";
const malformed = (detail: MalformedDetail) =>
  new AppError("validation_error", 400, { key: "multipartMalformed", values: { detail } });

const ignore = () => {};

/**
 * Reads the one `file` part of a multipart/form-data body as it streams, for both upload doors
 * (the partner API and the wizard's route), handing its bytes to `receive` as they arrive (the
 * file is never collected in memory here). It stops reading and refuses as soon as the file
 * passes 10 MB or the body passes 10 MB and its envelope, counted on the bytes themselves (a
 * chunked body or a wrong Content-Length changes nothing); a second file part or too many fields
 * are refused as soon as they begin; a refusal by `receive` itself stops the reading too. On a
 * refusal the file's stream fails with it, the body is left paused and unread (the door closes
 * the connection rather than drain it), and the promise rejects only once `receive` has settled,
 * so the caller may then remove whatever `receive` stored. It resolves with what `receive`
 * resolved, once the whole body has been read and found well-formed.
 */
export function readUploadedFile<T>(
  contentType: string,
  body: Readable,
  receive: (file: IncomingFile) => Promise<T>,
): Promise<T> {
  if (contentType.split(";")[0].trim().toLowerCase() !== "multipart/form-data") {
    return Promise.reject(new AppError("unsupported_media_type", 415, "uploadAsMultipart"));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      limits: {
        files: 1,
        // busboy calls a file too large on reaching this size: one byte more than allowed.
        fileSize: MAX_FILE_BYTES + 1,
        fields: MAX_UPLOAD_FIELDS,
        parts: MAX_UPLOAD_FIELDS + 1,
        fieldSize: MAX_FIELD_BYTES,
        headerPairs: 20,
      },
    });
  } catch {
    return Promise.reject(malformed("boundary"));
  }

  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let received = 0;
    let content: PassThrough | null = null;
    let receiving: Promise<T> | null = null;

    const stopReading = () => {
      body.off("data", onData);
      body.off("end", onEnd);
      body.off("error", onBodyError);
      body.off("close", onBodyError);
      body.pause();
      // The parser is simply fed no more (destroying it mid-write trips busboy up); what it may
      // still say is of no interest.
      parser.removeAllListeners();
      parser.on("error", ignore);
    };
    const refuse = (error: unknown) => {
      if (settled) return;
      settled = true;
      stopReading();
      content?.destroy(error instanceof Error ? error : new Error("Upload refused"));
      // Whatever receive made of a refused upload is the caller's to remove, once it is done.
      const done = receiving ?? Promise.resolve();
      done.then(
        () => reject(error),
        () => reject(error),
      );
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_UPLOAD_BODY_BYTES) return refuse(tooLarge());
      if (!parser.write(chunk)) body.pause();
    };
    const onEnd = () => {
      body.off("close", onBodyError);
      parser.end();
    };
    // A client that goes away mid-body: closed without an end.
    const onBodyError = () => refuse(malformed("ended"));

    parser.on("drain", () => {
      if (!settled) body.resume();
    });
    parser.on("file", (field, stream, info) => {
      // A part cut off by a refusal ends in an error nobody needs.
      stream.on("error", ignore);
      if (field !== "file") {
        stream.resume();
        return;
      }
      // Our own stream in between: busboy ends a part cut at the limit as if it were whole, and
      // a refusal must fail what receive is reading rather than leave it waiting.
      const file = new PassThrough();
      content = file;
      stream.pipe(file, { end: false });
      stream.on("limit", () => refuse(tooLarge()));
      stream.on("end", () => {
        if (!settled) file.end();
      });
      receiving = receive({ fileName: info.filename ?? "document", content: file });
      receiving.catch(refuse);
    });
    parser.on("filesLimit", () => refuse(new AppError("validation_error", 400, "oneFilePerRequest")));
    const tooManyFields = () =>
      refuse(new AppError("validation_error", 400, { key: "atMostFormFields", values: { max: MAX_UPLOAD_FIELDS } }));
    parser.on("fieldsLimit", tooManyFields);
    parser.on("partsLimit", tooManyFields);
    parser.on("error", () => refuse(malformed("unparseable")));
    parser.on("close", () => {
      if (settled) return;
      settled = true;
      if (receiving) receiving.then(resolve, reject);
      else
        reject(
          new AppError("validation_error", 400, "sendFileField", [
            { field: "file", code: "required", message: { key: "chooseFile" } },
          ]),
        );
    });

    body.on("data", onData);
    body.on("end", onEnd);
    body.on("error", onBodyError);
    body.on("close", onBodyError);
  });
}
