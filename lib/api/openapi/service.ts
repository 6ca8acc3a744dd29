import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

export function registerServicePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/health",
    operationId: "health",
    tags: ["Service"],
    summary: "Health check",
    responses: {
      200: {
        description: "The database answers",
        content: { "application/json": { schema: z.object({ status: z.literal("ok"), database: z.literal("ok") }) } },
      },
      503: { description: "The database does not answer" },
    },
  });
}
