import "server-only";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BODY_BYTES } from "@/lib/files/read-upload";
import { uploadFile } from "@/lib/files/upload-file";
import { abandonedBodies, jsonResponse, type ApiResponse } from "../http";
import type { PartnerApiContext } from "../api-context";

/** POST /api/files/upload (multipart/form-data, field `file`) */
export async function uploadFileHandler(context: PartnerApiContext): Promise<ApiResponse> {
  const { request } = context;
  // A declared size past the limit is refused before reading a byte; a smaller one is not
  // trusted: the shared reader counts what actually arrives.
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BODY_BYTES) {
    abandonedBodies.add(request);
    throw new AppError("payload_too_large", 413, "fileTooLarge");
  }
  try {
    const file = await uploadFile(context.partner.partnerId, request.headers["content-type"] ?? "", request);
    return jsonResponse(200, file);
  } catch (error) {
    // Refused part-way: the rest of the body is left unread and the connection closed.
    if (!request.readableEnded) abandonedBodies.add(request);
    throw error;
  }
}
