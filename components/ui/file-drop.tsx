"use client";

import { useRef, useState } from "react";
import type { ChangeEvent, DragEvent, ReactNode } from "react";

import { buttonClassName } from "./button";
import { cn } from "./cn";
import { UploadIcon } from "./icons";

export type FileDropProps = {
  /** The file input's id; its `<label>` reads `label`. */
  id: string;
  label: ReactNode;
  /** Passed to the file input; dropped files are not filtered, so validate them in `onFiles`. */
  accept?: string;
  multiple?: boolean;
  /** Called with the chosen or dropped files. The input is emptied afterwards, so keep the files yourself. */
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  /** Ids for the input's `aria-describedby`, e.g. `describedBy(id, { hint, error })`. */
  describedBy?: string;
  invalid?: boolean;
  className?: string;
  /**
   * "zone" (default): a large dashed zone whose label opens the picker. "compact": a card showing
   * `children` (what the slot holds), where files can still be dropped, with the label as a small
   * button; for a slot that already holds a file, so a slot never shows two zones.
   */
  variant?: "zone" | "compact";
  /** The compact card's content, before its button. */
  children?: ReactNode;
  /** The compact card's content after its button (e.g. a Remove button). */
  after?: ReactNode;
  /** The zone's visual hint, in the reader's language: its button ("Choose file") and the rest ("or drag and drop"). */
  chooseText?: string;
  dropText?: string;
};

/**
 * A dropzone around a real, visually hidden file input: keyboard and screen-reader users get the native
 * control, the label's overlay makes the whole zone open the file picker, and files can be dropped on it.
 */
export function FileDrop({
  id,
  label,
  accept,
  multiple,
  onFiles,
  disabled,
  describedBy,
  invalid,
  className,
  variant = "zone",
  children,
  after,
  chooseText = "Choose file",
  dropText = "or drag and drop",
}: FileDropProps) {
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave also fire when crossing child elements; counting them tells when the pointer really left.
  const dragDepth = useRef(0);

  function handleDragEnter(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    dragDepth.current += 1;
    if (!disabled) setDragging(true);
  }

  function handleDragOver(event: DragEvent<HTMLDivElement>) {
    // Always prevent the default, or a dropped file would replace the page.
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? "none" : "copy";
  }

  function handleDragLeave() {
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (!disabled && files.length > 0) onFiles(files);
  }

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    if (files.length > 0) onFiles(files);
    // Emptied, so that choosing the same file again still fires a change.
    event.target.value = "";
  }

  const input = (
    <input
      id={id}
      type="file"
      accept={accept}
      multiple={multiple}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={handleChange}
      className="sr-only"
    />
  );
  const dropHandlers = {
    onDragEnter: handleDragEnter,
    onDragOver: handleDragOver,
    onDragLeave: handleDragLeave,
    onDrop: handleDrop,
  };

  if (variant === "compact") {
    return (
      <div
        {...dropHandlers}
        className={cn(
          "relative flex min-w-0 flex-wrap items-center gap-3 rounded-md border p-3 transition-colors",
          "has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-600 has-[input:focus-visible]:ring-offset-2",
          dragging ? "border-blue-600 bg-blue-50" : invalid ? "border-red-600 bg-white" : "border-slate-200 bg-white",
          className,
        )}
      >
        {input}
        {children}
        <div className="flex shrink-0 items-center gap-2">
          <label
            htmlFor={id}
            className={cn(
              buttonClassName("secondary", "sm"),
              disabled ? "cursor-not-allowed opacity-70" : "cursor-pointer",
            )}
          >
            {label}
          </label>
          {after}
        </div>
      </div>
    );
  }

  return (
    <div
      {...dropHandlers}
      className={cn(
        "relative flex min-w-0 flex-col items-center gap-2 rounded-md border-2 border-dashed px-4 py-6 text-center transition-colors",
        "has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-600 has-[input:focus-visible]:ring-offset-2",
        disabled
          ? "cursor-not-allowed border-slate-200 bg-slate-50 opacity-70"
          : dragging
            ? "border-blue-600 bg-blue-50"
            : invalid
              ? "border-red-600 bg-white hover:bg-slate-50"
              : "border-slate-300 bg-white hover:border-slate-400 hover:bg-slate-50",
        className,
      )}
    >
      {input}
      <UploadIcon className={cn("size-7", dragging ? "text-blue-700" : "text-slate-500")} />
      {/* The label's ::after covers the zone, so a click anywhere in it opens the file picker. */}
      <label
        htmlFor={id}
        className={cn(
          "text-sm font-medium text-slate-900 after:absolute after:inset-0 after:rounded-md",
          disabled ? "after:cursor-not-allowed" : "after:cursor-pointer",
        )}
      >
        {label}
      </label>
      {/* Visual only: screen readers announce the file input itself. */}
      <p aria-hidden="true" className="text-sm text-slate-600">
        <span className={cn(buttonClassName("secondary", "sm"), "mr-1.5")}>{chooseText}</span>
        <span className="hidden sm:inline">{dropText}</span>
      </p>
    </div>
  );
}
