import { linkSessionOfRequest } from "@/lib/auth/link-session";
import { uploadLinkFile } from "@/lib/onboarding-links/links";
import { answerUpload } from "@/lib/pages/file-responses";

/**
 * The business's uploads on a hosted onboarding link: the same reader, limits, checks and storage
 * as the portal's, for the link's partner, and recorded as the link's own documents. Outside
 * proxy.ts's matcher, so the body reaches here whole.
 */
export async function POST(request: Request): Promise<Response> {
  return answerUpload(request, linkSessionOfRequest, uploadLinkFile);
}
