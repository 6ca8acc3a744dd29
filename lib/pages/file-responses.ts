import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { getLocale } from "next-intl/server";
import { errorResponse } from "@/lib/api/error-response";
import { AppError } from "@/lib/errors";
import { sayMessage } from "@/lib/i18n/error-catalogs";
import { toLocale } from "@/lib/i18n/locales";
import type { FileSummary } from "@/lib/files/file-queries";
import { MAX_UPLOAD_BODY_BYTES } from "@/lib/files/read-upload";
import { newId } from "@/lib/ids";

/**
 * The browser's file routes (the portal's wizard and the hosted onboarding form): one way to take
 * an upload and one way to show a document back, so both doors keep the same limits and headers.
 */

function json(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers },
  });
}

/** The language of the page the request came from (next-intl's request config decides it). */
async function pageLocale() {
  return toLocale(await getLocale());
}

/**
 * An upload from the browser: `allow` decides who uploads (throwing AppError to refuse), then the
 * body streams to `store` as POST /api/files/upload does. Refusals answer the API's JSON error,
 * its messages in the page's language.
 */
export async function answerUpload<Uploader>(
  request: Request,
  allow: () => Promise<Uploader>,
  store: (uploader: Uploader, contentType: string, body: Readable) => Promise<unknown>,
): Promise<Response> {
  const requestId = newId("req");
  let body: Readable | null = null;
  try {
    const uploader = await allow();
    // A declared size past the limit is refused unread; a smaller one is not trusted.
    if (Number(request.headers.get("content-length")) > MAX_UPLOAD_BODY_BYTES) {
      throw new AppError("payload_too_large", 413, "fileTooLarge");
    }
    if (!request.body) throw new AppError("validation_error", 400, "chooseFile");
    body = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);
    const file = await store(uploader, request.headers.get("content-type") ?? "", body);
    return json(200, JSON.stringify(file));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const response = errorResponse(error, requestId, await pageLocale());
    // Refused part-way: the reader left the rest unread; close rather than drain it. (Cancelling
    // the stream could tear the socket down before the answer is written.)
    const abandoned = body !== null && !body.readableEnded;
    return json(response.status, response.body, { ...response.headers, ...(abandoned ? { Connection: "close" } : {}) });
  }
}

/** A refusal from lib/ while showing a document: its status and message (in the page's language), as plain text. */
export async function documentRefusal(error: unknown): Promise<Response> {
  if (error instanceof AppError && error.status < 500) {
    const locale = await pageLocale();
    return new Response(sayMessage(error.userMessage, locale), {
      status: error.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Content-Language": locale },
    });
  }
  throw error;
}

/**
 * A document, streamed from storage to the browser (it never sits whole in the server's memory),
 * inline unless `download`. The headers keep the browser from sniffing another type or running
 * anything in it.
 */
export function documentResponse(
  file: { summary: FileSummary; content: Readable },
  { download = false }: { download?: boolean } = {},
): Response {
  const encodedName = encodeURIComponent(file.summary.fileName);
  return new Response(Readable.toWeb(file.content) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": file.summary.contentType,
      "Content-Length": String(file.summary.size),
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename*=UTF-8''${encodedName}`,
      "X-Content-Type-Options": "nosniff",
      // Chrome's PDF viewer is a plugin that a sandboxed response may not load; images need no such allowance.
      "Content-Security-Policy":
        file.summary.contentType === "application/pdf"
          ? "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'"
          : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "private, no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
