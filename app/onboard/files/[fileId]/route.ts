import { Readable } from "node:stream";
import { linkSessionOfRequest } from "@/lib/auth/link-session";
import { AppError } from "@/lib/errors";
import { readLinkFile } from "@/lib/onboarding-links/links";

/** A document the business uploaded on its link, shown back to it; any other file is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }): Promise<Response> {
  const { fileId } = await params;
  const session = await linkSessionOfRequest();
  let file;
  try {
    file = await readLinkFile(session, fileId);
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    return new Response(error.message, {
      status: error.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(Readable.toWeb(file.content) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": file.summary.contentType,
      "Content-Length": String(file.summary.size),
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.summary.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy":
        file.summary.contentType === "application/pdf"
          ? "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'"
          : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "private, no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
