import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "Partner API reference" };

export default function ApiReferencePage() {
  return <ApiReference document={openApiDocument()} />;
}
