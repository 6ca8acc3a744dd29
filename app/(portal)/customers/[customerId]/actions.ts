"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/current-user";
import { decideCustomer } from "@/lib/customers/decisions";
import { revealIdNumber } from "@/lib/customers/customer-review";
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
