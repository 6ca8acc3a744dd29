import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { readFileForActor } from "@/lib/files/file-queries";
import { documentRefusal, documentResponse } from "@/lib/pages/file-responses";

/** A document, inline in the browser (or downloaded with ?download=1), for people allowed to see its customer. */
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return documentRefusal(new AppError("unauthorized", 401, "signInToViewDocuments"));
  const { fileId } = await params;
  const file = await readFileForActor(user, fileId).catch(documentRefusal);
  if (file instanceof Response) return file;
  return documentResponse(file, { download: new URL(request.url).searchParams.get("download") === "1" });
}
