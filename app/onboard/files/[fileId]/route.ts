import { linkSessionOfRequest } from "@/lib/auth/link-session";
import { readLinkFile } from "@/lib/onboarding-links/links";
import { documentRefusal, documentResponse } from "@/lib/pages/file-responses";

/** A document the business uploaded on its link, shown back to it; any other file is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }): Promise<Response> {
  const { fileId } = await params;
  const session = await linkSessionOfRequest();
  const file = await readLinkFile(session, fileId).catch(documentRefusal);
  return file instanceof Response ? file : documentResponse(file);
}
