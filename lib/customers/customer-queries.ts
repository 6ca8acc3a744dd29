import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, fieldErrorsFromZod, validationError, zodMessage } from "@/lib/errors";
import { storedCustomerInclude, toCustomerResource } from "./customer-resource";
import { listPage, pageParameters, pagePosition, rowsAfter, type ListPage } from "./list-cursor";
import type { CustomerResource } from "./resource-schema";
import { CUSTOMER_STATUSES } from "./schema";
import { hasIdShape } from "@/lib/ids";

function customerNotFound(): AppError {
  return new AppError("not_found", 404, "noSuchCustomer");
}

/**
 * A partner's customer as the API resource. Another partner's customer gets the very same 404
 * as an unknown id, so ids cannot be probed.
 */
export async function getPartnerCustomer(partnerId: string, customerId: string): Promise<CustomerResource> {
  if (!hasIdShape("cus", customerId)) throw customerNotFound();
  const customer = await db.customer.findFirst({
    where: { id: customerId, partnerId },
    include: storedCustomerInclude,
  });
  if (!customer) throw customerNotFound();
  return toCustomerResource(customer);
}

export const listCustomersQuerySchema = z.strictObject({
  status: z
    .enum(CUSTOMER_STATUSES, { error: zodMessage("oneOf", { values: CUSTOMER_STATUSES.join(", ") }) })
    .optional(),
  ...pageParameters,
});

export type ListCustomersQuery = z.input<typeof listCustomersQuerySchema>;

export type CustomerPage = ListPage<CustomerResource>;

/** One page of a partner's customers, newest first, optionally of one status. */
export async function listPartnerCustomers(partnerId: string, query: ListCustomersQuery): Promise<CustomerPage> {
  const parsed = listCustomersQuerySchema.safeParse(query);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error), "invalidQuery");
  const { status, limit, cursor } = parsed.data;
  const after = pagePosition(cursor, "cus");
  const rows = await db.customer.findMany({
    where: {
      partnerId,
      ...(status ? { status } : {}),
      ...(after ? rowsAfter(after, "desc") : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: storedCustomerInclude,
  });
  return listPage(rows, limit, toCustomerResource);
}
