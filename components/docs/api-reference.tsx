import type { ReactNode } from "react";

import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  SchemaObject,
  SecurityRequirementObject,
} from "openapi3-ts/oas31";

type Schema = SchemaObject | ReferenceObject;

function isReference<T extends object>(value: T | ReferenceObject): value is ReferenceObject {
  return "$ref" in value;
}

/** Inline `code` spans of the descriptions. */
function withCode(text: string): ReactNode[] {
  return text.split(/(`[^`]+`)/g).map((part, index) =>
    part.startsWith("`") && part.endsWith("`") ? (
      <code key={index} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}

/** Descriptions are short Markdown: paragraphs and "- " lists. */
function Prose({ text }: { text: string }) {
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <div className="space-y-3 text-sm leading-6 text-slate-700">
      {blocks.map((block, index) => {
        const lines = block.split("\n").filter((line) => line.trim() !== "");
        if (lines.every((line) => line.startsWith("- "))) {
          return (
            <ul key={index} className="list-disc space-y-1 pl-5">
              {lines.map((line, lineIndex) => (
                <li key={lineIndex}>{withCode(line.slice(2))}</li>
              ))}
            </ul>
          );
        }
        return <p key={index}>{withCode(lines.join(" "))}</p>;
      })}
    </div>
  );
}

function refName(ref: string): string {
  return ref.split("/").at(-1) ?? ref;
}

function typeLabel(schema: Schema): string {
  if (isReference(schema)) return refName(schema.$ref);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "any"];
  const label = types.map((type) => (type === "array" && schema.items ? `array of ${typeLabel(schema.items)}` : type));
  return label.join(" | ");
}

/** Lists longer than this (countries, currencies) are summed up; the JSON document has them whole. */
const LISTED_VALUES = 40;
/** Patterns longer than this (the phone numbering plans) are left to the JSON document. */
const SHOWN_PATTERN = 80;

function constraints(schema: Schema): string[] {
  if (isReference(schema)) return [];
  const notes: string[] = [];
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    notes.push(`${schema.minLength ?? 0}–${schema.maxLength ?? "∞"} characters`);
  }
  if (schema.maxItems !== undefined) notes.push(`${schema.minItems ?? 0}–${schema.maxItems} items`);
  if (schema.uniqueItems) notes.push("no repeats");
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    notes.push(`from ${schema.minimum ?? "−∞"} to ${schema.maximum ?? "∞"}`);
  }
  if (schema.multipleOf !== undefined) notes.push(`a multiple of ${schema.multipleOf}`);
  const formats = [schema, ...(schema.anyOf ?? [])].flatMap((part) =>
    !isReference(part) && part.format ? [part.format] : [],
  );
  if (formats.length > 0) notes.push(`format ${formats.join(" or ")}`);
  if (schema.pattern && schema.pattern.length <= SHOWN_PATTERN) notes.push(`pattern ${schema.pattern}`);
  const values = schema.enum?.filter((value) => value !== null);
  if (values && values.length > LISTED_VALUES)
    notes.push(`one of ${values.length} codes (listed in the JSON document)`);
  else if (values) notes.push(`one of ${values.join(", ")}`);
  if (schema.example !== undefined) notes.push(`e.g. ${JSON.stringify(schema.example)}`);
  return notes;
}

/** The object a schema describes: itself, its reference, or the reference it builds on (allOf). */
function resolve(schema: Schema, schemas: Record<string, Schema>): Schema | undefined {
  if (isReference(schema)) return schemas[refName(schema.$ref)];
  const base = schema.allOf?.find(isReference);
  return base && !schema.properties ? schemas[refName(base.$ref)] : schema;
}

function SchemaTable({ schema, schemas }: { schema: Schema; schemas: Record<string, Schema> }) {
  const resolved = resolve(schema, schemas);
  if (!resolved || isReference(resolved) || !resolved.properties) return null;
  const required = new Set(resolved.required ?? []);
  return (
    <div>
      <table className="table-cards w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Field
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Type
            </th>
            <th scope="col" className="py-2 font-medium">
              Notes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {Object.entries(resolved.properties).map(([name, property]) => (
            <tr key={name} className="align-top">
              <td data-label="Field" className="py-2 pr-4 font-mono text-xs text-slate-900">
                {name}
                {required.has(name) ? <span className="ml-1 text-red-700">required</span> : null}
              </td>
              <td data-label="Type" className="py-2 pr-4 font-mono text-xs text-slate-600">
                {typeLabel(property)}
              </td>
              <td data-label="Notes" className="py-2 text-slate-600">
                {!isReference(property) && property.description ? withCode(property.description) : null}
                {constraints(property).length > 0 ? (
                  <span className="block text-xs text-slate-500">{constraints(property).join(" · ")}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const METHOD_STYLES: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-800",
  post: "bg-blue-100 text-blue-800",
  delete: "bg-red-100 text-red-800",
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

interface Entry {
  /** A path, or a webhook's event type. */
  name: string;
  method: string;
  operation: OperationObject;
  /** The anchor of its section. */
  id: string;
}

function entriesOf(items: Record<string, PathItemObject> | undefined, prefix: string): Entry[] {
  return Object.entries(items ?? {}).flatMap(([name, item]) =>
    METHODS.flatMap((method) => {
      const operation: OperationObject | undefined = item[method];
      return operation ? [{ name, method, operation, id: `${prefix}${method}-${name}` }] : [];
    }),
  );
}

function Authentication({ security }: { security: SecurityRequirementObject[] | undefined }) {
  if (!security?.length) return <p className="mt-2 text-sm text-slate-600">No key needed.</p>;
  return (
    <p className="mt-2 text-sm text-slate-600">
      Authentication: <code className="font-mono">X-API-Key</code> and <code className="font-mono">X-API-Secret</code>{" "}
      headers.
    </p>
  );
}

function OperationSection({
  entry,
  schemas,
  security,
}: {
  entry: Entry;
  schemas: Record<string, Schema>;
  /** What the operation needs, or null for a webhook (we send it; you answer). */
  security: SecurityRequirementObject[] | undefined | null;
}) {
  const { name, method, operation, id } = entry;
  const headers = (operation.parameters ?? []).filter(
    (parameter): parameter is ParameterObject => !isReference(parameter) && parameter.in === "header",
  );
  return (
    <section key={id} id={id} className="mt-12 scroll-mt-6" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="flex flex-wrap items-center gap-3 text-xl font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-sm uppercase ${METHOD_STYLES[method] ?? "bg-slate-100"}`}>
          {method}
        </span>
        <span className="font-mono text-lg">{name}</span>
      </h2>
      <p className="mt-1 text-slate-600">{operation.summary}</p>
      {security === null ? null : <Authentication security={security} />}
      {operation.description ? (
        <div className="mt-4">
          <Prose text={operation.description} />
        </div>
      ) : null}
      {headers.length > 0 ? (
        <div className="mt-6">
          <h3 className="text-sm font-semibold">Headers</h3>
          <dl className="mt-2 space-y-2 text-sm">
            {headers.map((header) => (
              <div key={header.name}>
                <dt className="font-mono text-slate-900">
                  {header.name}
                  {header.required ? <span className="ml-1 text-red-700">required</span> : null}
                </dt>
                <dd className="text-slate-600">{header.description ? withCode(header.description) : null}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      {operation.requestBody && !isReference(operation.requestBody)
        ? Object.entries(operation.requestBody.content).map(([mediaType, { schema }]) =>
            schema ? (
              <div key={mediaType} className="mt-6">
                <h3 className="text-sm font-semibold">
                  {security === null ? "Body" : "Request body"}{" "}
                  <span className="font-mono font-normal text-slate-500">{mediaType}</span>
                </h3>
                <SchemaTable schema={schema} schemas={schemas} />
              </div>
            ) : null,
          )
        : null}
      <h3 className="mt-6 text-sm font-semibold">{security === null ? "Your answer" : "Responses"}</h3>
      <dl className="mt-2 grid grid-cols-[4rem_1fr] gap-x-4 gap-y-1 text-sm">
        {Object.entries(operation.responses ?? {}).map(([status, response]) => (
          <div key={status} className="contents">
            <dt className="font-mono text-slate-900">{status}</dt>
            <dd className="text-slate-600">
              {withCode(String((response as { description?: string }).description ?? ""))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function EntryLinks({ entries, label }: { entries: Entry[]; label: string }) {
  return (
    <nav aria-label={label} className="mt-8">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{label}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {entries.map(({ name, method, operation, id }) => (
          <li key={id}>
            <a className="text-blue-700 hover:underline" href={`#${id}`}>
              <span className="font-mono uppercase">{method}</span> <span className="font-mono">{name}</span> ·{" "}
              {operation.summary}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ApiReference({ document }: { document: OpenAPIObject }) {
  const schemas = document.components?.schemas ?? {};
  const operations = entriesOf(document.paths, "");
  const webhooks = entriesOf(document.webhooks, "webhook-");
  const objects = Object.entries(schemas).flatMap(([name, schema]) =>
    isReference(schema) || !schema.properties ? [] : [{ name, schema }],
  );
  return (
    // Long field names, URLs and codes wrap anywhere rather than widen a phone's page.
    <main className="mx-auto max-w-5xl px-4 py-12 [overflow-wrap:anywhere] sm:px-6">
      <header className="border-b border-slate-200 pb-6">
        <p className="text-sm font-medium text-blue-700">Version {document.info.version}</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{document.info.title}</h1>
        {document.info.description ? (
          <div className="mt-4">
            <Prose text={document.info.description} />
          </div>
        ) : null}
        <p className="mt-4 text-sm">
          <a className="text-blue-700 underline underline-offset-4" href="/api/openapi.json">
            OpenAPI 3.1 document (JSON)
          </a>
        </p>
      </header>

      <EntryLinks entries={operations} label="Endpoints" />
      {webhooks.length > 0 ? <EntryLinks entries={webhooks} label="Webhooks" /> : null}

      {operations.map((entry) => (
        <OperationSection
          key={entry.id}
          entry={entry}
          schemas={schemas}
          security={entry.operation.security ?? document.security}
        />
      ))}

      {webhooks.length > 0 ? (
        <section className="mt-16" aria-labelledby="webhooks-title">
          <h2 id="webhooks-title" className="text-2xl font-semibold">
            Webhooks
          </h2>
          <p className="mt-2 text-sm text-slate-600">
            What we send to your webhook endpoints: one POST per event, signed in the{" "}
            <code className="font-mono">AxisFI-Signature</code> header.
          </p>
          {webhooks.map((entry) => (
            <OperationSection key={entry.id} entry={entry} schemas={schemas} security={null} />
          ))}
        </section>
      ) : null}

      <section className="mt-16" aria-labelledby="schemas-title">
        <h2 id="schemas-title" className="text-2xl font-semibold">
          Objects
        </h2>
        {objects.map(({ name, schema }) => (
          <div key={name} id={`schema-${name}`} className="mt-8">
            <h3 className="font-mono text-lg font-semibold">{name}</h3>
            {schema.description ? <p className="mt-1 text-sm text-slate-600">{schema.description}</p> : null}
            <div className="mt-2">
              <SchemaTable schema={schema} schemas={schemas} />
            </div>
          </div>
        ))}
      </section>
    </main>
  );
}
