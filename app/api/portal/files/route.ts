import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { uploadFile } from "@/lib/files/upload-file";
import { answerUpload } from "@/lib/pages/file-responses";

/**
 * The wizard's uploads: the same streaming reader, limits, checks and storage as
 * POST /api/files/upload, for the signed-in partner.
 */
export async function POST(request: Request): Promise<Response> {
  return answerUpload(
    request,
    async () => {
      const user = await getCurrentUser();
      if (!user) throw new AppError("unauthorized", 401, "signInToUpload");
      if (!can(user, "onboarding:use") || !user.partnerId) throw new AppError("forbidden", 403, "notAllowed");
      return user.partnerId;
    },
    uploadFile,
  );
}
