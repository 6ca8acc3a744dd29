"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/current-user";
import { decideCustomer } from "@/lib/customers/decisions";
import { revealIdNumber } from "@/lib/customers/customer-review";
import { updateCustomerStep } from "@/lib/customers/customer-fixes";
import { requestInformation } from "@/lib/customers/requirements";
import type { FormStep } from "@/lib/onboarding/steps";
import { formResult, type FormFailure } from "@/lib/forms/form-result";

export type DecisionResult = { ok: true } | FormFailure;

export async function decideAction(
  customerId: string,
  decision: string,
  reason: string,
  expectedVersion: number,
): Promise<DecisionResult> {
  const user = await requirePermission("customers:decide");
  return formResult(async () => {
    await decideCustomer(user, { customerId, decision, reason, expectedVersion });
    revalidatePath(`/customers/${customerId}`);
    return {};
  });
}

export async function revealIdNumberAction(
  customerId: string,
  position: number,
): Promise<{ ok: true; idNumber: string } | FormFailure> {
  const user = await requirePermission("identity:reveal");
  return formResult(async () => {
    const idNumber = await revealIdNumber(user, customerId, position);
    revalidatePath(`/customers/${customerId}`);
    return { idNumber };
  });
}

export async function requestInformationAction(
  customerId: string,
  items: { field: string; reason: string }[],
  expectedVersion: number,
): Promise<DecisionResult> {
  const user = await requirePermission("customers:request-information");
  return formResult(async () => {
    await requestInformation(user, { customerId, items, expectedVersion });
    revalidatePath(`/customers/${customerId}`);
    return {};
  });
}

/** Saves one wizard step of a customer partner staff are fixing (the step form's saveStep). */
export async function updateCustomerStepAction(
  customerId: string,
  step: FormStep,
  values: unknown,
  loadedVersion: number,
) {
  const user = await requirePermission("customers:update");
  const result = await formResult(() => updateCustomerStep(user, customerId, step, values, loadedVersion));
  if (result.ok) revalidatePath(`/customers/${customerId}`, "layout");
  return result;
}
