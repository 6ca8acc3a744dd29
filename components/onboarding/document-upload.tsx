"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FileDrop } from "@/components/ui/file-drop";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatBytes } from "@/lib/files/format";
import { ALLOWED_FILE_TYPES, MAX_FILE_BYTES } from "@/lib/files/file-types";
import type { FileResource } from "@/lib/files/resource-schema";
import { useFileRoute } from "./wizard-routes";

/** What the form knows of an uploaded document. */
export interface UploadedDocument {
  fileId: string;
  fileName: string;
  contentType: string;
  size: number;
}

const ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";
const ACCEPTED_EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

/** The same rules as the server, checked first so a wrong file never travels. */
export function checkBeforeUpload(file: File): string | null {
  const typeOk = (ALLOWED_FILE_TYPES as readonly string[]).includes(file.type) || ACCEPTED_EXTENSIONS.test(file.name);
  if (!typeOk) return "Only PDF, JPEG and PNG files are accepted.";
  if (file.size > MAX_FILE_BYTES) return "The file is larger than 10 MB.";
  if (file.size === 0) return "The file is empty.";
  return null;
}

function upload(url: string, file: File, onProgress: (percent: number) => void): Promise<FileResource> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = request.response as (FileResource & { error?: { message: string } }) | null;
      if (request.status === 200 && body) resolve(body);
      else reject(new Error(body?.error?.message ?? "The upload failed. Try again."));
    };
    request.onerror = () => reject(new Error("The upload failed: check your connection and try again."));
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}

function Preview({ document }: { document: UploadedDocument }) {
  const files = useFileRoute();
  if (document.contentType.startsWith("image/")) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a private, per-user document: no image optimisation.
      <img
        src={`${files}/${document.fileId}`}
        alt=""
        className="h-14 w-14 rounded border border-slate-200 object-cover"
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className="flex h-14 w-14 items-center justify-center rounded border border-slate-200 bg-red-50 text-xs font-bold text-red-700"
    >
      PDF
    </span>
  );
}

/**
 * Upload one document (drag and drop, or choose), with a progress bar, a preview, and replace
 * and remove. `onUploaded` receives the stored document; the form keeps its file id.
 */
export function DocumentUpload({
  id,
  label,
  document,
  onUploaded,
  onRemove,
  error,
  hint,
}: {
  id: string;
  label: string;
  document: UploadedDocument | null;
  onUploaded: (document: UploadedDocument) => void;
  onRemove?: () => void;
  error?: string;
  hint?: string;
}) {
  const fileRoute = useFileRoute();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shownError = problem ?? error;
  const errorId = `${id}-upload-error`;

  async function onFiles(files: FileList | File[]) {
    const file = Array.from(files)[0];
    if (!file) return;
    const refusal = checkBeforeUpload(file);
    if (refusal) {
      setProblem(refusal);
      return;
    }
    setProblem(null);
    setProgress(0);
    try {
      const stored = await upload(fileRoute, file, setProgress);
      onUploaded({
        fileId: stored.file_id,
        fileName: stored.file_name,
        contentType: stored.content_type,
        size: stored.size,
      });
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : "The upload failed.");
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="space-y-2">
      {document ? (
        <div className="flex items-center gap-3 rounded-md border border-slate-200 bg-white p-3">
          <Preview document={document} />
          <div className="min-w-0 flex-1">
            <p className="text-xs font-medium text-slate-500">{label}</p>
            <p className="truncate text-sm font-medium text-slate-900">{document.fileName}</p>
            <p className="text-xs text-slate-500">{formatBytes(document.size)}</p>
          </div>
          {onRemove ? (
            <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${document.fileName}`}>
              Remove
            </Button>
          ) : null}
        </div>
      ) : null}
      <FileDrop
        id={id}
        label={document ? `Replace ${label.charAt(0).toLowerCase()}${label.slice(1)}` : label}
        accept={ACCEPT}
        onFiles={onFiles}
        disabled={progress !== null}
        describedBy={shownError ? errorId : undefined}
        invalid={Boolean(shownError)}
      />
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {progress !== null ? <ProgressBar value={progress} label={`Uploading ${label}`} /> : null}
      {shownError ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}
