import "server-only";
import { databaseAnswers } from "@/lib/db";
import { openApiDocument } from "../openapi";
import { jsonResponse, type ApiResponse } from "../http";

/** GET /api/health: whether the database answers. */
export async function healthHandler(): Promise<ApiResponse> {
  const ok = await databaseAnswers();
  return jsonResponse(ok ? 200 : 503, { status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unavailable" });
}

let cachedDocument: string | null = null;

/** GET /api/openapi.json */
export async function openApiHandler(): Promise<ApiResponse> {
  cachedDocument ??= JSON.stringify(openApiDocument());
  return { status: 200, body: cachedDocument };
}
