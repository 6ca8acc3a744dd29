import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { fileResourceSchema } from "@/lib/files/resource-schema";
import { authErrors, errorResponses, security } from "./common";

export function registerFilePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "post",
    path: "/api/files/upload",
    operationId: "uploadFile",
    tags: ["Files"],
    summary: "Upload a document",
    description:
      "Upload an identity or company document as multipart/form-data in the field `file`. PDF, JPEG and PNG up to 10 MB, judged by the file's bytes, not its name or declared type. Use the returned `file_id` in Create Customer.",
    security,
    request: {
      body: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: z.object({ file: z.string().meta({ format: "binary", description: "The document" }) }),
          },
        },
      },
    },
    responses: {
      200: { description: "The stored file", content: { "application/json": { schema: fileResourceSchema } } },
      ...errorResponses({
        400: {
          description: "No file, an empty file, more than one file, more than 10 form fields, or a malformed body",
          codes: ["validation_error"],
        },
        ...authErrors,
        413: { description: "File over 10 MB", codes: ["payload_too_large"] },
        415: {
          description: "Not multipart/form-data, or the file is not a PDF, JPEG or PNG",
          codes: ["unsupported_media_type", "unsupported_file_type"],
        },
      }),
    },
  });
}
