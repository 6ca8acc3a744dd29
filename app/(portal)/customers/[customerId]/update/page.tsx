import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getCustomerToFix } from "@/lib/customers/customer-fixes";
import { forPage } from "@/lib/pages/page-error";

/** Fixing requested information starts at the first step with a field due; with none, back to the customer. */
export default async function FixCustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const user = await requirePermission("customers:update");
  const { customer, stepsDue } = await forPage(getCustomerToFix(user, customerId));
  if (customer.status !== "pending" || stepsDue.length === 0) redirect(`/customers/${customerId}`);
  redirect(`/customers/${customerId}/update/${stepsDue[0]}`);
}
