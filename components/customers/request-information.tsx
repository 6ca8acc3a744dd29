"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, describedBy } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { RequestableField } from "@/lib/customers/fields";
import type { FormFailure } from "@/lib/forms/form-failure";

export type RequestInformationAction = (
  customerId: string,
  items: { field: string; reason: string }[],
  expectedVersion: number,
) => Promise<{ ok: true } | FormFailure>;

interface Item {
  key: number;
  field: string;
  reason: string;
}

/**
 * A reviewer's request for information instead of a rejection: pick the fields or documents to
 * fix (the customer's own, labelled as everywhere else), each with a note the partner will see.
 */
export function RequestInformation({
  customerId,
  version,
  fields,
  requestInformation,
}: {
  customerId: string;
  version: number;
  fields: RequestableField[];
  requestInformation: RequestInformationAction;
}) {
  const t = useTranslations("backOffice.requestInformation");
  const router = useRouter();
  const [items, setItems] = useState<Item[]>([{ key: 0, field: "", reason: "" }]);
  const [nextKey, setNextKey] = useState(1);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [sent, setSent] = useState(false);

  const sections = [...new Set(fields.map((option) => option.section))];
  const errorOf = (index: number, name: "field" | "reason") =>
    failure?.fieldErrors.find((error) => error.field === `items.${index}.${name}`)?.message;
  const change = (key: number, patch: Partial<Item>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    setSent(false);
    const result = await requestInformation(
      customerId,
      items.map(({ field, reason }) => ({ field, reason })),
      version,
    );
    setPending(false);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    setItems([{ key: nextKey, field: "", reason: "" }]);
    setNextKey(nextKey + 1);
    setSent(true);
    router.refresh();
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {failure ? (
        <Alert tone="error" title={t("notSent")}>
          {failure.message}
        </Alert>
      ) : sent ? (
        <Alert tone="success" title={t("sentTitle")}>
          {t("sentBody")}
        </Alert>
      ) : null}
      {items.map((item, index) => {
        const fieldId = `request-field-${item.key}`;
        const reasonId = `request-reason-${item.key}`;
        const fieldError = errorOf(index, "field");
        const reasonError = errorOf(index, "reason");
        return (
          <fieldset key={item.key} className="space-y-3 rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium text-slate-700">{t("item", { number: index + 1 })}</legend>
            <Field id={fieldId} label={t("field", { number: index + 1 })} error={fieldError} required>
              <NativeSelect
                id={fieldId}
                value={item.field}
                onChange={(event) => change(item.key, { field: event.target.value })}
                invalid={Boolean(fieldError)}
                aria-required="true"
                aria-describedby={describedBy(fieldId, { error: fieldError })}
              >
                <option value="">{t("chooseField")}</option>
                {sections.map((section) => (
                  <optgroup key={section} label={section}>
                    {fields
                      .filter((option) => option.section === section)
                      .map((option) => (
                        <option key={option.field} value={option.field}>
                          {option.label}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </NativeSelect>
            </Field>
            <Field id={reasonId} label={t("note", { number: index + 1 })} error={reasonError} required>
              <Input
                id={reasonId}
                value={item.reason}
                onChange={(event) => change(item.key, { reason: event.target.value })}
                placeholder={t("notePlaceholder")}
                invalid={Boolean(reasonError)}
                aria-required="true"
                aria-describedby={describedBy(reasonId, { error: reasonError })}
              />
            </Field>
            {items.length > 1 ? (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => setItems((current) => current.filter((other) => other.key !== item.key))}
              >
                {t("removeItem", { number: index + 1 })}
              </Button>
            ) : null}
          </fieldset>
        );
      })}
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onClick={() => {
            setItems((current) => [...current, { key: nextKey, field: "", reason: "" }]);
            setNextKey(nextKey + 1);
          }}
        >
          {t("addField")}
        </Button>
        <Button type="submit" variant="primary" pending={pending} disabled={pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
