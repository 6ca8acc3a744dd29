"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
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

/** The upload's words (`wizard.upload`), from the catalog: `t("tooLarge", { name })`. */
type UploadTexts = (key: string, values?: Record<string, string>) => string;

/** The same rules as the server, checked first so a wrong file never travels. */
export function checkBeforeUpload(file: File, t: UploadTexts): string | null {
  const typeOk = (ALLOWED_FILE_TYPES as readonly string[]).includes(file.type) || ACCEPTED_EXTENSIONS.test(file.name);
  if (!typeOk) return t("notADocument", { name: file.name });
  if (file.size > MAX_FILE_BYTES) return t("tooLarge", { name: file.name });
  if (file.size === 0) return t("empty", { name: file.name });
  return null;
}

/**
 * "Registration document 1" → "registration document 1" inside a sentence; a label that starts
 * with an acronym ("ID document front") keeps its capitals.
 */
export function inSentence(label: string): string {
  const firstWord = label.split(/\s/, 1)[0];
  if (firstWord.length > 1 && firstWord === firstWord.toUpperCase()) return label;
  return `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

function upload(url: string, file: File, onProgress: (percent: number) => void, t: UploadTexts): Promise<FileResource> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = request.response as (FileResource & { error?: { code?: string; message: string } }) | null;
      if (request.status === 200 && body) resolve(body);
      else if (body?.error?.code === "unsupported_file_type") reject(new Error(t("notADocument", { name: file.name })));
      else if (body?.error?.message) reject(new Error(t("refused", { name: file.name, message: body.error.message })));
      else reject(new Error(t("failed", { name: file.name })));
    };
    request.onerror = () => reject(new Error(t("offline", { name: file.name })));
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
  const t = useTranslations("wizard.upload");
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  // Set by an upload; once the slot shows its file (and its control is enabled again), focus
  // returns to the slot's control, where the person was.
  const refocus = useRef(false);
  const shownError = problem ?? error;
  const errorId = `${id}-upload-error`;

  useEffect(() => {
    if (!refocus.current || progress !== null) return;
    refocus.current = false;
    window.document.getElementById(id)?.focus();
  }, [progress, id]);

  async function onFiles(files: FileList | File[]) {
    const file = Array.from(files)[0];
    if (!file) return;
    const refusal = checkBeforeUpload(file, t);
    setUploaded(null);
    if (refusal) {
      setProblem(refusal);
      return;
    }
    setProblem(null);
    setProgress(0);
    try {
      const stored = await upload(fileRoute, file, setProgress, t);
      onUploaded({
        fileId: stored.file_id,
        fileName: stored.file_name,
        contentType: stored.content_type,
        size: stored.size,
      });
      setUploaded(t("complete"));
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : t("notUploaded", { name: file.name }));
    } finally {
      refocus.current = true;
      setProgress(null);
    }
  }

  const control = {
    id,
    accept: ACCEPT,
    onFiles,
    disabled: progress !== null,
    describedBy: shownError ? errorId : undefined,
    invalid: Boolean(shownError),
    chooseText: t("chooseFile"),
    dropText: t("dragAndDrop"),
  };
  return (
    <div className="min-w-0 space-y-2">
      {document ? (
        // One zone per slot: a slot holding a file is a card that takes a replacement.
        <FileDrop
          {...control}
          variant="compact"
          label={
            <>
              {t("replace")}
              <span className="sr-only"> {inSentence(label)}</span>
            </>
          }
          after={
            onRemove ? (
              <Button
                variant="ghost"
                size="sm"
                onClick={onRemove}
                aria-label={t("removeFile", { name: document.fileName })}
              >
                {t("remove")}
              </Button>
            ) : null
          }
        >
          <Preview document={document} />
          <div className="min-w-0 flex-1 basis-32">
            <p className="text-xs font-medium text-slate-500">{label}</p>
            <p className="truncate text-sm font-medium text-slate-900">{document.fileName}</p>
            <p className="text-xs text-slate-500">{formatBytes(document.size)}</p>
          </div>
        </FileDrop>
      ) : (
        <FileDrop {...control} label={label} />
      )}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {progress !== null ? (
        <ProgressBar value={progress} label={t("uploading", { document: inSentence(label) })} />
      ) : null}
      <p role="status" className="sr-only">
        {uploaded}
      </p>
      {shownError ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}
