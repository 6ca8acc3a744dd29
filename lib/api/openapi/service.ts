import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { transportErrors } from "./common";

/** Answers of Node's HTTP server itself, which have no body. */
const bodiless = Object.fromEntries(
  Object.entries(transportErrors).map(([status, description]) => [status, { description }]),
);

export function registerServicePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/health",
    operationId: "health",
    tags: ["Service"],
    summary: "Health check",
    description: "Whether the service and its database answer. No key is needed.",
    security: [],
    responses: {
      200: {
        description: "The database answers",
        content: { "application/json": { schema: z.object({ status: z.literal("ok"), database: z.literal("ok") }) } },
      },
      ...bodiless,
      503: {
        description: "The database does not answer",
        content: {
          "application/json": {
            schema: z.object({ status: z.literal("unavailable"), database: z.literal("unavailable") }),
          },
        },
      },
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    tags: ["Service"],
    summary: "This OpenAPI document",
    description:
      "The OpenAPI 3.1 document of the partner API, generated from the same schemas that validate requests. No key is needed.",
    security: [],
    responses: {
      200: {
        description: "The OpenAPI 3.1 document",
        content: {
          "application/json": {
            schema: {
              type: "object",
              description: "An OpenAPI 3.1 document",
              externalDocs: { url: "https://spec.openapis.org/oas/v3.1.0" },
            },
          },
        },
      },
      ...bodiless,
    },
  });
}
