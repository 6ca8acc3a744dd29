/**
 * The JavaScript a browser loads first for each wizard step, computed from the production build's
 * manifests (deterministic, unlike a time): the root scripts every page loads, the page's own
 * entry scripts (its layouts' and its client components'), and the scripts of the one step form
 * the page renders (components/onboarding/steps.tsx loads each with next/dynamic, and the page
 * preloads the rendered one's). Module-type browsers never load the polyfill file, nor code a page
 * imports later (the forms' validation). bench/page-weight.ts measures the same in Chromium.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { CLIENT_NAMESPACES } from "@/lib/i18n/namespaces";
import { WIZARD_STEPS, type WizardStep } from "@/lib/onboarding/wizard-steps";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT = path.join(ROOT, ".next");

/** The wizard's pages: the staff wizard, the business's own on a hosted link, and fixing a customer. */
export const WIZARD_ROUTES = [
  { route: "/(portal)/onboarding/[draftId]/[step]/page", steps: WIZARD_STEPS.map((step) => step.slug) },
  { route: "/onboard/session/[step]/page", steps: WIZARD_STEPS.map((step) => step.slug) },
  {
    route: "/(portal)/customers/[customerId]/update/[step]/page",
    steps: WIZARD_STEPS.map((step) => step.slug).filter((slug) => slug !== "review"),
  },
] as const;

const STEP_OF_COMPONENT: Record<string, WizardStep> = {
  CompanyStep: "company",
  AddressStep: "address",
  UsageStep: "usage",
  ContactStep: "contact",
  RepresentativesStep: "representatives",
};

export interface Weight {
  files: string[];
  raw: number;
  gzip: number;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

function weigh(files: Iterable<string>): Weight {
  const list = [...new Set(files)];
  let raw = 0;
  let gzip = 0;
  for (const file of list) {
    const body = fs.readFileSync(path.join(NEXT, file));
    raw += body.length;
    gzip += zlib.gzipSync(body).length;
  }
  return { files: list, raw, gzip };
}

/** Each step's first-load JavaScript on one of WIZARD_ROUTES (the build must exist). */
export function firstLoad(route: string): Map<WizardStep, Weight> {
  const pageDir = path.join(NEXT, "server", "app", route);
  const buildManifest = readJson<{ rootMainFiles: string[] }>(path.join(pageDir, "build-manifest.json"));
  const clientManifestFile = `${pageDir}_client-reference-manifest.js`;
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  new Function("globalThis", fs.readFileSync(clientManifestFile, "utf8"))(sandbox);
  const entryFiles = Object.values(sandbox.__RSC_MANIFEST![route].entryJSFiles).flat();
  const loadable = readJson<Record<string, { files: string[] }>>(path.join(pageDir, "react-loadable-manifest.json"));

  // The step forms' next/dynamic calls, as compiled into the page's entry scripts: which module
  // (a key of the loadable manifest) each step form is.
  const loadableOfStep = new Map<WizardStep, string[]>();
  const call = /then\((\w+)=>\1\.(\w+Step)\),\{loadableGenerated:\{modules:\[([\d,]+)\]\}/g;
  for (const file of new Set(entryFiles)) {
    for (const match of fs.readFileSync(path.join(NEXT, file), "utf8").matchAll(call)) {
      const step = STEP_OF_COMPONENT[match[2]];
      if (step) loadableOfStep.set(step, match[3].split(","));
    }
  }
  if (loadableOfStep.size !== Object.keys(STEP_OF_COMPONENT).length) {
    throw new Error(`Found the dynamic imports of ${[...loadableOfStep.keys()].join(", ")} only in ${route}`);
  }

  const weights = new Map<WizardStep, Weight>();
  for (const { slug } of WIZARD_STEPS) {
    const stepFiles = (loadableOfStep.get(slug) ?? []).flatMap((id) => {
      const entry = loadable[id];
      if (!entry) throw new Error(`No loadable module ${id} (${slug}) in ${route}`);
      return entry.files;
    });
    weights.set(slug, weigh([...buildManifest.rootMainFiles, ...entryFiles, ...stepFiles]));
  }
  return weights;
}

/** The text a part of the portal hands its client components, in one language, gzip-compressed. */
export interface CatalogWeight {
  locale: Locale;
  namespaces: readonly string[];
  raw: number;
  gzip: number;
}

/**
 * The catalogs an area's pages hand the browser (CLIENT_NAMESPACES[area], as AreaMessages picks
 * them: one JSON object by namespace), weighed in the language where they are largest: a page
 * carries them in its payload beside its scripts, so they count in its first-load weight.
 */
export function clientCatalogWeight(area: keyof typeof CLIENT_NAMESPACES): CatalogWeight {
  const namespaces = CLIENT_NAMESPACES[area];
  const weights = LOCALES.map((locale) => {
    const picked = Object.fromEntries(
      namespaces.map((namespace) => [
        namespace,
        readJson<unknown>(path.join(ROOT, "messages", namespace, `${locale}.json`)),
      ]),
    );
    const body = Buffer.from(JSON.stringify(picked));
    return { locale, namespaces, raw: body.length, gzip: zlib.gzipSync(body).length };
  });
  return weights.reduce((largest, weight) => (weight.gzip > largest.gzip ? weight : largest));
}
