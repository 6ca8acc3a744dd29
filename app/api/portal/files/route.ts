import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { errorResponse } from "@/lib/api/error-response";
import { newId } from "@/lib/ids";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BODY_BYTES } from "@/lib/files/read-upload";
import { uploadFile } from "@/lib/files/upload-file";

function json(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers },
  });
}

/**
 * The wizard's uploads: the same streaming reader, limits, checks and storage as
 * POST /api/files/upload, for the signed-in partner.
 */
export async function POST(request: Request): Promise<Response> {
  const requestId = newId("req");
  let body: Readable | null = null;
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized", 401, "Sign in to upload documents.");
    if (!can(user, "onboarding:use") || !user.partnerId) throw new AppError("forbidden", 403, "Not allowed.");
    // A declared size past the limit is refused unread; a smaller one is not trusted.
    if (Number(request.headers.get("content-length")) > MAX_UPLOAD_BODY_BYTES) {
      throw new AppError("payload_too_large", 413, "The file is larger than 10 MB.");
    }
    if (!request.body) throw new AppError("validation_error", 400, "Choose a file to upload.");
    body = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);
    const file = await uploadFile(user.partnerId, request.headers.get("content-type") ?? "", body);
    return json(200, JSON.stringify(file));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const response = errorResponse(error, requestId);
    // Refused part-way: the reader left the rest unread; close rather than drain it. (Cancelling
    // the stream could tear the socket down before the answer is written.)
    const abandoned = body !== null && !body.readableEnded;
    return json(response.status, response.body, abandoned ? { Connection: "close" } : {});
  }
}
