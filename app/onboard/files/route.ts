import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { errorResponse } from "@/lib/api/error-response";
import { linkSessionOfRequest } from "@/lib/auth/link-session";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BODY_BYTES } from "@/lib/files/read-upload";
import { newId } from "@/lib/ids";
import { uploadLinkFile } from "@/lib/onboarding-links/links";

function json(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers },
  });
}

/**
 * The business's uploads on a hosted onboarding link: the same reader, limits, checks and storage
 * as the portal's, for the link's partner, and recorded as the link's own documents. Outside
 * proxy.ts's matcher, so the body reaches here whole.
 */
export async function POST(request: Request): Promise<Response> {
  const requestId = newId("req");
  let body: Readable | null = null;
  try {
    const session = await linkSessionOfRequest();
    if (Number(request.headers.get("content-length")) > MAX_UPLOAD_BODY_BYTES) {
      throw new AppError("payload_too_large", 413, "The file is larger than 10 MB.");
    }
    if (!request.body) throw new AppError("validation_error", 400, "Choose a file to upload.");
    body = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);
    const file = await uploadLinkFile(session, request.headers.get("content-type") ?? "", body);
    return json(200, JSON.stringify(file));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const response = errorResponse(error, requestId);
    const abandoned = body !== null && !body.readableEnded;
    return json(response.status, response.body, abandoned ? { Connection: "close" } : {});
  }
}
