/** What the upload accepts. No imports: the wizard's uploader reads these without loading Zod. */
export const ALLOWED_FILE_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type AllowedFileType = (typeof ALLOWED_FILE_TYPES)[number];
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
