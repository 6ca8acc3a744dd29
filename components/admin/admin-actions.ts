/**
 * The administration page's server actions as its client components call them, handed to them by
 * the page (components never import from app/). Browser-safe: types only.
 */
import type { FormFailure } from "@/lib/forms/form-failure";

/** The partner and its first key pair, secret included: the only time the secret leaves the server. */
export type CreatePartnerAction = (
  formData: FormData,
) => Promise<{ ok: true; partnerId: string; name: string; publicKey: string; secret: string } | FormFailure>;

/** Creating an account, changing its role, disabling or enabling it: each answers with what to tell the admin. */
export type AccountAction = (formData: FormData) => Promise<{ ok: true; message: string } | FormFailure>;
