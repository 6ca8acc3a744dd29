"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";
import { Field, describedBy } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { PhoneCountry } from "@/lib/customers/phone";
import { errorOf, fieldId } from "./form-fields";

type PhoneModule = typeof import("@/lib/customers/phone");
let phoneModule: PhoneModule | null = null;

/** The phone library (with its metadata), fetched when the field is first focused, never with the page. */
function loadPhoneModule(): void {
  if (phoneModule) return;
  import("@/lib/customers/phone").then(
    (module) => {
      phoneModule = module;
    },
    () => undefined, // without it a national number just gets the calling code in front
  );
}

/**
 * A phone number and the country it is dialled in. A number typed the national way ("(415)
 * 555-0100", "6222 3344") is completed with the chosen country's calling code when the field is
 * left (or Enter submits the form), so the person sees what will be saved; one typed with + is
 * left as typed. The schema then checks it and the API stores it in E.164.
 */
export function PhoneField<T extends FieldValues>({
  form,
  name,
  label,
  countries,
  defaultCountry,
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  countries: PhoneCountry[];
  defaultCountry?: string;
}) {
  const id = fieldId(name);
  const countryId = `${id}-country`;
  const error = errorOf(form, name);
  const t = useTranslations("wizard.phone");
  const hint = t("hint");
  const [country, setCountry] = useState(defaultCountry ?? "");

  const complete = (countryCode = country) => {
    const option = countries.find((candidate) => candidate.value === countryCode);
    const typed = String(form.getValues(name) ?? "");
    if (!option) return;
    const completed = phoneModule
      ? phoneModule.completePhoneNumber(typed, option.value, option.callingCode)
      : typed.trim() === "" || typed.trim().startsWith("+")
        ? typed
        : `+${option.callingCode} ${typed.trim()}`;
    if (completed === typed) return;
    form.setValue(name, completed as PathValue<T, Path<T>>, {
      shouldDirty: true,
      shouldValidate: form.formState.submitCount > 0,
    });
  };

  return (
    <>
      <Field id={countryId} label={t("country")}>
        <NativeSelect
          id={countryId}
          value={country}
          onFocus={loadPhoneModule}
          onChange={(event) => {
            setCountry(event.target.value);
            complete(event.target.value);
          }}
        >
          <option value="">{t("noCountry")}</option>
          {countries.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label} (+{option.callingCode})
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field id={id} label={label} hint={hint} error={error}>
        <Input
          id={id}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          invalid={Boolean(error)}
          aria-describedby={describedBy(id, { hint, error })}
          onFocus={loadPhoneModule}
          onKeyDown={(event) => {
            // Enter submits the form before the field is left: complete the number first.
            if (event.key === "Enter") complete();
          }}
          {...form.register(name, { onBlur: () => complete() })}
        />
      </Field>
    </>
  );
}
