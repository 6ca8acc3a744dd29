import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The lint rules that keep the code's shape (eslint.config.mjs) each refuse a deliberate
 * violation and pass the same code without it: remove or weaken a rule and this fails.
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: ROOT });
// The first lint loads the whole configuration and TypeScript's parser: slow on a busy machine.
const LINT_TIMEOUT = 120_000;

function problems(results: ESLint.LintResult[]): { ruleId: string | null; message: string; file: string }[] {
  return results.flatMap((result) =>
    result.messages.map(({ ruleId, message }) => ({ ruleId, message, file: path.relative(ROOT, result.filePath) })),
  );
}

function lint(source: string, file: string) {
  return eslint.lintText(source, { filePath: path.join(ROOT, file) }).then(problems);
}

describe("components/ and lib/ never import from app/", () => {
  const APP_RULE = expect.objectContaining({
    ruleId: "no-restricted-imports",
    message: expect.stringContaining("never import from app/"),
  });

  it(
    "refuses a component that imports its server action from a page's folder, even as a type",
    async () => {
      const source = [
        'import { decideAction } from "@/app/(portal)/customers/[customerId]/actions";',
        'import type { DecisionResult } from "@/app/(portal)/customers/[customerId]/actions";',
        "export const decide = decideAction;",
        "export type Result = DecisionResult;",
        "",
      ].join("\n");
      const found = await lint(source, "components/customers/lint-probe.ts");
      expect(found.filter((problem) => problem.ruleId === "no-restricted-imports")).toEqual([APP_RULE, APP_RULE]);
    },
    LINT_TIMEOUT,
  );

  it(
    "refuses lib/ importing from app/ by a relative path",
    async () => {
      const source =
        'import { decideAction } from "../../app/(portal)/customers/[customerId]/actions";\nexport const decide = decideAction;\n';
      expect(await lint(source, "lib/customers/lint-probe.ts")).toContainEqual(APP_RULE);
    },
    LINT_TIMEOUT,
  );

  it(
    "keeps the components' ban on server code beside it",
    async () => {
      const source = 'import { db } from "@/lib/db";\nexport const database = db;\n';
      expect(await lint(source, "components/customers/lint-probe.ts")).toContainEqual(
        expect.objectContaining({
          ruleId: "no-restricted-imports",
          message: expect.stringContaining("must not import server code"),
        }),
      );
    },
    LINT_TIMEOUT,
  );

  it(
    "passes a component that is handed its server action by the page",
    async () => {
      const source = [
        '"use client";',
        "",
        'import { Button } from "@/components/ui/button";',
        'import type { FormFailure } from "@/lib/forms/form-failure";',
        "",
        "export type DecideAction = (customerId: string) => Promise<{ ok: true } | FormFailure>;",
        "",
        "export function Decide({ customerId, decide }: { customerId: string; decide: DecideAction }) {",
        "  return <Button onClick={() => void decide(customerId)}>Decide</Button>;",
        "}",
        "",
      ].join("\n");
      expect(await lint(source, "components/customers/lint-probe.tsx")).toEqual([]);
    },
    LINT_TIMEOUT,
  );
});

describe("no two files import each other", () => {
  const CYCLE = "axisfi/no-import-cycle";
  let probe: string;

  beforeAll(() => {
    // Real files, so the rule follows imports through the disk as it does for any module of lib/.
    probe = fs.mkdtempSync(path.join(ROOT, "lib", "lint-probe-"));
  });
  afterAll(() => fs.rmSync(probe, { recursive: true, force: true }));

  const order = (folder: string) =>
    [
      `import { lineTotal } from "@/lib/${folder}/order-line";`,
      "",
      "export interface Order {",
      "  lines: number[];",
      "}",
      "",
      "export const orderTotal = (order: Order) => order.lines.reduce((sum, line) => sum + lineTotal(line), 0);",
      "",
    ].join("\n");

  it(
    "refuses two modules that import each other (one of them only for a type, one through the @/ alias)",
    async () => {
      const folder = path.basename(probe);
      fs.writeFileSync(path.join(probe, "order.ts"), order(folder));
      fs.writeFileSync(
        path.join(probe, "order-line.ts"),
        'import type { Order } from "./order";\n\nexport const lineTotal = (line: number) => line;\nexport const firstLine = (order: Order) => order.lines[0];\n',
      );
      const found = problems(await eslint.lintFiles([path.join(probe, "order.ts"), path.join(probe, "order-line.ts")]));
      expect(found.filter((problem) => problem.ruleId === CYCLE).map((problem) => problem.file)).toEqual([
        `lib/${folder}/order.ts`,
        `lib/${folder}/order-line.ts`,
      ]);
    },
    LINT_TIMEOUT,
  );

  it(
    "passes the same modules once only one imports the other",
    async () => {
      const folder = path.basename(probe);
      fs.writeFileSync(path.join(probe, "order.ts"), order(folder));
      fs.writeFileSync(path.join(probe, "order-line.ts"), "export const lineTotal = (line: number) => line;\n");
      expect(
        problems(await eslint.lintFiles([path.join(probe, "order.ts"), path.join(probe, "order-line.ts")])),
      ).toEqual([]);
    },
    LINT_TIMEOUT,
  );

  it(
    "refuses the partner API's old circle: a handler taking its context type from the router",
    async () => {
      const file = "lib/api/handlers/customers.ts";
      const source = fs.readFileSync(path.join(ROOT, file), "utf8");
      expect(await lint(source, file)).toEqual([]);
      const circular = source.replace('from "../api-context"', 'from "../partner-api"');
      expect(circular).not.toBe(source);
      expect(await lint(circular, file)).toContainEqual(
        expect.objectContaining({ ruleId: CYCLE, message: expect.stringContaining("lib/api/partner-api.ts") }),
      );
    },
    LINT_TIMEOUT,
  );

  it(
    "refuses file storage's old circle: the S3 back end taking its interface from the module that loads it",
    async () => {
      const file = "lib/files/s3-storage.ts";
      const source = fs.readFileSync(path.join(ROOT, file), "utf8");
      expect(await lint(source, file)).toEqual([]);
      // As it was: the interface read from storage.ts, which loads this back end on first use.
      const circular = source
        .replace("  type FileStorage,\n", "")
        .replace('} from "./stored-bytes";', '} from "./stored-bytes";\nimport type { FileStorage } from "./storage";');
      expect(circular).not.toBe(source);
      expect(await lint(circular, file)).toContainEqual(
        expect.objectContaining({ ruleId: CYCLE, message: expect.stringContaining("lib/files/storage.ts") }),
      );
    },
    LINT_TIMEOUT,
  );
});
