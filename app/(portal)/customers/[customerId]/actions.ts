"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/current-user";
import { decideCustomer } from "@/lib/customers/decisions";
import { revealIdNumber } from "@/lib/customers/customer-review";
import { AppError, type FieldError } from "@/lib/errors";

export type DecisionResult = { ok: true } | { ok: false; message: string; fieldErrors: FieldError[] };

export async function decideAction(
  customerId: string,
  decision: string,
  reason: string,
  expectedVersion: number,
): Promise<DecisionResult> {
  const user = await requirePermission("customers:decide");
  try {
    await decideCustomer(user, { customerId, decision, reason, expectedVersion });
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error.details };
    throw error;
  }
  revalidatePath(`/customers/${customerId}`);
  return { ok: true };
}

export async function revealIdNumberAction(
  customerId: string,
  position: number,
): Promise<{ ok: true; idNumber: string } | { ok: false; message: string }> {
  const user = await requirePermission("identity:reveal");
  try {
    const idNumber = await revealIdNumber(user, customerId, position);
    revalidatePath(`/customers/${customerId}`);
    return { ok: true, idNumber };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
