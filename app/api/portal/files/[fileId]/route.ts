import { Readable } from "node:stream";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { readFileForActor } from "@/lib/files/file-queries";

/** This door's one mapping of a refusal from lib/: its status and message, as plain text. */
function refusal(error: unknown): Response {
  if (error instanceof AppError && error.status < 500) {
    return new Response(error.message, {
      status: error.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  throw error;
}

/**
 * A document, inline in the browser, for people allowed to see its customer. The headers keep
 * the browser from sniffing another type or running anything in it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to view documents.", { status: 401 });
  const { fileId } = await params;
  const file = await readFileForActor(user, fileId).catch(refusal);
  if (file instanceof Response) return file;
  const download = new URL(request.url).searchParams.get("download") === "1";
  const encodedName = encodeURIComponent(file.summary.fileName);
  // Streamed from storage to the browser: a document never sits whole in the server's memory.
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
