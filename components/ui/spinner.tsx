import { cn } from "./cn";

/** A decorative spinner; pair it with visible text or `aria-busy` on the busy element. 16px unless `className` sets a `size-*`. */
export function Spinner({ className }: { className?: string }) {
  // Without tailwind-merge two size classes would both apply, so the default only applies when none is given.
  const sized = className !== undefined && /(^|\s)size-/.test(className);
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      focusable="false"
      className={cn(
        !sized && "size-4",
        "shrink-0 animate-spin motion-reduce:animate-[spin_1.5s_linear_infinite]",
        className,
      )}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeWidth="3" className="opacity-25" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
