import { errorResponse } from "@/lib/api/error-response";
import { newId } from "@/lib/ids";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { MAX_FILE_BYTES } from "@/lib/files/resource-schema";
import { uploadFile } from "@/lib/files/upload-file";

function json(status: number, body: string): Response {
  return new Response(body, { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

/** The wizard's uploads: the same checks and storage as POST /api/files/upload, for the signed-in partner. */
export async function POST(request: Request): Promise<Response> {
  const requestId = newId("req");
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized", 401, "Sign in to upload documents.");
    if (!can(user, "onboarding:use") || !user.partnerId) throw new AppError("forbidden", 403, "Not allowed.");
    if (Number(request.headers.get("content-length")) > MAX_FILE_BYTES + 64 * 1024) {
      throw new AppError("payload_too_large", 413, "The file is larger than 10 MB.");
    }
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) {
      throw new AppError("validation_error", 400, "Choose a file to upload.", [
        { field: "file", code: "required", message: "Choose a file to upload." },
      ]);
    }
    const uploaded = await uploadFile(user.partnerId, {
      fileName: file.name,
      bytes: Buffer.from(await file.arrayBuffer()),
    });
    return json(200, JSON.stringify(uploaded));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const response = errorResponse(error, requestId);
    return json(response.status, response.body);
  }
}
