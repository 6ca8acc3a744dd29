/** The file resource POST /api/files/upload answers with. Browser-safe: the wizard's uploader reads it. */
import { z } from "zod";
import { ALLOWED_FILE_TYPES } from "./file-types";

export { ALLOWED_FILE_TYPES, MAX_FILE_BYTES, type AllowedFileType } from "./file-types";

export const fileResourceSchema = z
  .object({
    file_id: z.string().meta({ pattern: "^file_[0-9a-f]{32}$", example: "file_0123456789abcdef0123456789abcdef" }),
    file_name: z.string(),
    content_type: z.enum(ALLOWED_FILE_TYPES).meta({ description: "Judged from the file's bytes, not its name" }),
    size: z.number().int().meta({ description: "Size in bytes" }),
    created_at: z.string().meta({
      format: "date-time",
      pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$",
      description: "ISO 8601 UTC, to the second",
      example: "2023-11-07T05:31:56Z",
    }),
  })
  .meta({ id: "File" });

export type FileResource = z.infer<typeof fileResourceSchema>;
