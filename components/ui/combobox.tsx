"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { KeyboardEvent, Ref } from "react";

import { cn } from "./cn";
import { CheckIcon, ChevronDownIcon } from "./icons";
import { controlClassName } from "./input";

export type ComboboxOption = {
  value: string;
  label: string;
  /** Other names people search by (a country's short and native names): each ranks like the label. */
  aliases?: readonly string[];
};

export type ComboboxProps = {
  id: string;
  /** Submits `value` (not the shown label) through a hidden input under this name. */
  name?: string;
  options: readonly ComboboxOption[];
  /** The selected option's value, "" for none. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  invalid?: boolean;
  required?: boolean;
  disabled?: boolean;
  "aria-describedby"?: string;
  /** Names the input and the listbox; by default the input is named by `<label for>` and the listbox by `${id}-label` (as `Field` renders it). */
  "aria-labelledby"?: string;
  className?: string;
  ref?: Ref<HTMLInputElement>;
  /** What the list says about its matches, in the reader's language (English by default). */
  texts?: ComboboxTexts;
};

/** The combobox's own words: a primitive takes them from its caller, which knows the language. */
export type ComboboxTexts = {
  /** "No matches". */
  noMatches: string;
  /** Announced: "1 match", "12 matches". */
  matches: (total: number) => string;
  /** Announced: "120 matches, showing the first 100". */
  matchesShowingFirst: (total: number, shown: number) => string;
  /** Under the list: "Showing the first 100 of 120 matches. Keep typing to narrow the list." */
  showingFirst: (total: number, shown: number) => string;
};

export const ENGLISH_COMBOBOX_TEXTS: ComboboxTexts = {
  noMatches: "No matches",
  matches: (total) => (total === 1 ? "1 match" : `${total} matches`),
  matchesShowingFirst: (total, shown) => `${total} matches, showing the first ${shown}`,
  showingFirst: (total, shown) => `Showing the first ${shown} of ${total} matches. Keep typing to narrow the list.`,
};

const MAX_MATCHES = 100;

const FOLDED: Record<string, string> = { ß: "ss", ø: "o", æ: "ae", œ: "oe", ł: "l", đ: "d", ı: "i" };

/** Lower case without accents or punctuation, so that "cote divoire" finds "Côte d’Ivoire". */
export function normalizeSearchText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßøæœłđı]/g, (letter) => FOLDED[letter])
    .replace(/['’.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export type SearchItem = { option: ComboboxOption; index: number; code: string; names: string[]; text: string };

export function toSearchItems(options: readonly ComboboxOption[]): SearchItem[] {
  return options.map((option, index) => {
    const code = normalizeSearchText(option.value);
    const names = [option.label, ...(option.aliases ?? [])].map(normalizeSearchText);
    return { option, index, code, names, text: ` ${names.join(" ")} ${code}` };
  });
}

/**
 * Lower is better: the exact code or one of the names ("UK", "United States", "Deutschland"),
 * then a name starting with the query, then a word of a name, then anywhere. Without the names
 * ranking whole, "United States" found "United States Minor Outlying Islands" first and "UK"
 * found Ukraine.
 */
function rank(item: SearchItem, query: string): number {
  if (item.code === query || item.names.includes(query)) return 0;
  if (item.code.startsWith(query) || item.names.some((name) => name.startsWith(query))) return 1;
  if (item.text.includes(` ${query}`)) return 2;
  return 3;
}

/** Options holding every word of the query, best first; without a query, all options in their order. */
export function search(items: SearchItem[], rawQuery: string): { matches: SearchItem[]; total: number } {
  const query = normalizeSearchText(rawQuery);
  if (!query) return { matches: items, total: items.length };
  const words = query.split(" ");
  const found = items
    .filter((item) => words.every((word) => item.text.includes(word)))
    .map((item) => ({ item, rank: rank(item, query) }))
    .sort((a, b) => a.rank - b.rank || a.item.index - b.item.index)
    .map(({ item }) => item);
  return { matches: found.slice(0, MAX_MATCHES), total: found.length };
}

/** The option whose code or one of whose names is exactly the typed text. */
export function exactMatch(items: SearchItem[], typedText: string): SearchItem | undefined {
  const typed = normalizeSearchText(typedText);
  return items.find((item) => item.code === typed) ?? items.find((item) => item.names.includes(typed));
}

/**
 * A searchable single select (WAI-ARIA 1.2 combobox with a listbox popup). The input shows the selected
 * option's label; typing filters by label, code and aliases. The option under the keyboard carries
 * `aria-selected`, as in the APG examples; the current value is the text of the input and is ticked in the list.
 */
export function Combobox({
  id,
  name,
  options,
  value,
  onChange,
  onBlur,
  placeholder,
  invalid,
  required,
  disabled,
  "aria-describedby": describedByIds,
  "aria-labelledby": labelledBy,
  className,
  ref,
  texts = ENGLISH_COMBOBOX_TEXTS,
}: ComboboxProps) {
  // null while the user is not typing: the input then shows the selected option's label.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);

  const items = useMemo(() => toSearchItems(options), [options]);
  const { matches, total } = useMemo(() => search(items, query ?? ""), [items, query]);

  const listboxId = `${id}-listbox`;
  const optionId = (item: SearchItem) => `${id}-option-${item.index}`;
  const selected = options.find((option) => option.value === value);
  const expanded = open && matches.length > 0;
  const active = expanded && activeIndex < matches.length ? activeIndex : -1;
  const searching = query !== null && normalizeSearchText(query) !== "";

  useEffect(() => {
    const list = listRef.current;
    const option = active >= 0 ? (list?.children[active] as HTMLElement | undefined) : undefined;
    if (!list || !option) return;
    // Scroll the list only (scrollIntoView could scroll the page too).
    if (option.offsetTop < list.scrollTop) {
      list.scrollTop = option.offsetTop;
    } else if (option.offsetTop + option.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = option.offsetTop + option.offsetHeight - list.clientHeight;
    }
  }, [active, matches]);

  function close() {
    setQuery(null);
    setOpen(false);
    setActiveIndex(-1);
  }

  function select(option: ComboboxOption) {
    if (option.value !== value) onChange(option.value);
    close();
  }

  /** Leaving the field: empty text clears the value, an exact code or name (alias included) selects it, anything else is dropped. */
  function commitTypedText() {
    if (query === null) return;
    if (query.trim() === "") {
      if (value !== "") onChange("");
      return;
    }
    const exact = exactMatch(items, query);
    if (exact && exact.option.value !== value) onChange(exact.option.value);
  }

  function openList(direction: 1 | -1 | 0) {
    // Like a native select, the list opens on the current value.
    const current = matches.findIndex((item) => item.option.value === value);
    setOpen(true);
    setActiveIndex(current >= 0 ? current : direction === 1 ? 0 : direction === -1 ? matches.length - 1 : -1);
  }

  function move(direction: 1 | -1) {
    if (!expanded) return openList(direction);
    const count = matches.length;
    setActiveIndex(active < 0 ? (direction === 1 ? 0 : count - 1) : (active + direction + count) % count);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        move(event.key === "ArrowDown" ? 1 : -1);
        break;
      case "Enter":
        // With the list closed, Enter submits the form as usual.
        if (!open) return;
        event.preventDefault();
        if (active >= 0) {
          select(matches[active].option);
        } else {
          commitTypedText();
          close();
        }
        break;
      case "Escape":
        if (!open) return;
        // Keep a surrounding dialog open: this Escape only closes the list.
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
      case "Tab":
        // Focus moves on either way; the blur that follows commits or restores the text.
        if (expanded && searching && matches.length === 1 && active >= 0) select(matches[active].option);
        break;
    }
  }

  function handleBlur() {
    commitTypedText();
    close();
    onBlur?.();
  }

  let announcement = "";
  if (open && searching) {
    if (total === 0) announcement = texts.noMatches;
    else if (total > matches.length) announcement = texts.matchesShowingFirst(total, matches.length);
    else announcement = texts.matches(total);
  }

  return (
    <div className={cn("relative", className)}>
      {name && <input type="hidden" name={name} value={value} />}
      <input
        ref={ref}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={active >= 0 ? optionId(matches[active]) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedByIds}
        aria-labelledby={labelledBy}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required={required}
        disabled={disabled}
        placeholder={placeholder}
        value={query ?? selected?.label ?? value}
        onChange={(event) => {
          const text = event.target.value;
          setQuery(text);
          setOpen(true);
          // The best match is active at once, so Enter picks it.
          setActiveIndex(normalizeSearchText(text) ? 0 : -1);
        }}
        onClick={() => {
          if (!open) openList(0);
        }}
        onKeyDown={handleKeyDown}
        onBlur={handleBlur}
        className={cn(controlClassName(invalid), "pr-9")}
      />
      <ChevronDownIcon
        className={cn(
          "pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500 transition-transform motion-reduce:transition-none",
          expanded && "rotate-180",
          disabled && "opacity-60",
        )}
      />
      {/* preventDefault keeps the focus in the input when the list (options or scrollbar) is pressed. */}
      <div
        className={cn(
          "absolute inset-x-0 top-full z-30 mt-1 overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg",
          !open && "hidden",
        )}
        onMouseDown={(event) => event.preventDefault()}
      >
        <ul
          ref={listRef}
          id={listboxId}
          role="listbox"
          aria-labelledby={labelledBy ?? `${id}-label`}
          hidden={!expanded}
          className="relative max-h-64 overflow-y-auto py-1"
        >
          {matches.map((item, index) => {
            const isActive = index === active;
            const isCurrent = item.option.value === value;
            return (
              <li
                key={item.index}
                id={optionId(item)}
                role="option"
                aria-selected={isActive}
                onClick={() => select(item.option)}
                className={cn(
                  "flex cursor-pointer items-start gap-2 px-3 py-2 text-sm text-slate-900",
                  isActive ? "bg-blue-50 forced-colors:outline-2 forced-colors:-outline-offset-2" : "hover:bg-slate-50",
                )}
              >
                <CheckIcon className={cn("mt-0.5 size-4 text-blue-700", !isCurrent && "invisible")} />
                <span className={cn("min-w-0 flex-1 break-words", isCurrent && "font-medium")}>
                  {item.option.label}
                </span>
                <span className="shrink-0 pt-px font-mono text-xs text-slate-600">{item.option.value}</span>
              </li>
            );
          })}
        </ul>
        {open && matches.length === 0 && <p className="px-3 py-2 text-sm text-slate-600">{texts.noMatches}</p>}
        {expanded && total > matches.length && (
          <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600">
            {texts.showingFirst(total, matches.length)}
          </p>
        )}
      </div>
      <div role="status" className="sr-only">
        {announcement}
      </div>
    </div>
  );
}
