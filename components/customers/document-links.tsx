import { useTranslations } from "next-intl";
import { formatBytes } from "@/lib/files/format";
import type { FileSummary } from "@/lib/files/file-queries";

/** A customer's documents: open in the browser (PDF and images inline), or download. */
export function DocumentLinks({ files }: { files: (FileSummary | undefined)[] }) {
  const t = useTranslations("backOffice.documents");
  const present = files.filter((file): file is FileSummary => Boolean(file));
  if (present.length === 0) return <p className="mt-1 text-sm text-slate-500">{t("none")}</p>;
  return (
    <ul className="mt-2 space-y-2">
      {present.map((file) => (
        <li key={file.fileId} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <a
            href={`/api/portal/files/${file.fileId}`}
            target="_blank"
            rel="noopener"
            className="font-medium text-blue-700 underline-offset-4 hover:underline"
          >
            {t("view", { name: file.fileName })}
          </a>
          <a
            href={`/api/portal/files/${file.fileId}?download=1`}
            className="text-slate-600 underline-offset-4 hover:underline"
            aria-label={t("downloadFile", { name: file.fileName })}
          >
            {t("download")}
          </a>
          <span className="text-xs text-slate-500">
            {file.contentType === "application/pdf" ? "PDF" : file.contentType.replace("image/", "").toUpperCase()} ·{" "}
            {formatBytes(file.size)}
          </span>
        </li>
      ))}
    </ul>
  );
}
