"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Controller, get, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { Combobox, type ComboboxTexts } from "@/components/ui/combobox";
import { Field, describedBy } from "@/components/ui/field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import type { PickerOption } from "@/lib/customers/picker-option";

/** A DOM id for a field path: `business_details.website` → `f-business_details-website`. */
export function fieldId(name: string): string {
  return `f-${name.replaceAll(".", "-")}`;
}

export function errorOf<T extends FieldValues>(form: UseFormReturn<T>, name: Path<T>): string | undefined {
  const error = get(form.formState.errors, name) as { message?: string } | undefined;
  return error?.message;
}

interface FieldProps<T extends FieldValues> {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
}

export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  required,
  className,
  type = "text",
  autoComplete,
  inputMode,
  step,
}: FieldProps<T> & {
  type?: "text" | "email" | "tel" | "url" | "date" | "number";
  autoComplete?: string;
  inputMode?: "text" | "decimal" | "tel" | "email" | "url";
  step?: string;
}) {
  const id = fieldId(name);
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <Input
        id={id}
        type={type}
        step={step}
        autoComplete={autoComplete ?? "off"}
        inputMode={inputMode}
        invalid={Boolean(error)}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, { hint, error })}
        {...form.register(name, type === "number" ? { valueAsNumber: true } : undefined)}
      />
    </Field>
  );
}

export function TextareaField<T extends FieldValues>({ form, name, label, hint, required, className }: FieldProps<T>) {
  const id = fieldId(name);
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <Textarea
        id={id}
        rows={3}
        invalid={Boolean(error)}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, { hint, error })}
        {...form.register(name)}
      />
    </Field>
  );
}

export function SelectField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  required,
  className,
  options,
  placeholder,
}: FieldProps<T> & { options: PickerOption[]; placeholder: string }) {
  const id = fieldId(name);
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <NativeSelect
        id={id}
        invalid={Boolean(error)}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, { hint, error })}
        {...form.register(name)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label} ({option.value})
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}

/** The pickers' words about their matches, from the wizard's catalog. */
function usePickerTexts(): ComboboxTexts {
  const t = useTranslations("wizard.pickers");
  return useMemo(
    () => ({
      noMatches: t("noMatches"),
      matches: (total) => t("matches", { total }),
      matchesShowingFirst: (total, shown) => t("matchesShowingFirst", { total, shown }),
      showingFirst: (total, shown) => t("showingFirst", { total, shown }),
    }),
    [t],
  );
}

/** A searchable picker (countries, currencies) whose value is the ISO code. */
export function PickerField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  required,
  className,
  options,
  placeholder,
}: FieldProps<T> & { options: PickerOption[]; placeholder: string }) {
  const id = fieldId(name);
  const error = errorOf(form, name);
  const texts = usePickerTexts();
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => (
          <Combobox
            id={id}
            name={field.name}
            ref={field.ref}
            options={options}
            value={typeof field.value === "string" ? field.value : ""}
            onChange={field.onChange}
            onBlur={field.onBlur}
            placeholder={placeholder}
            invalid={Boolean(error)}
            required={required}
            aria-describedby={describedBy(id, { hint, error })}
            texts={texts}
          />
        )}
      />
    </Field>
  );
}
