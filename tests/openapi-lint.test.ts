import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

const ROOT = path.resolve(import.meta.dirname, "..");
const REDOCLY = path.join(ROOT, "node_modules", ".bin", "redocly");

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; message: string; location: { pointer?: string }[] }[];
}

/** Redocly's verdict on a document, with the rules of redocly.yaml (its recommended set). */
async function lint(document: unknown): Promise<LintReport> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "openapi-lint-"));
  const file = path.join(directory, "openapi.json");
  try {
    fs.writeFileSync(file, JSON.stringify(document));
    const { stdout } = await promisify(execFile)(
      REDOCLY,
      ["lint", file, "--config", path.join(ROOT, "redocly.yaml"), "--format", "json"],
      {
        cwd: ROOT,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" })); // exits 1 on errors
    return JSON.parse(stdout) as LintReport;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

describe("the OpenAPI document under Redocly's recommended rules", () => {
  it("has no error and no warning, none of them ignored", async () => {
    const report = await lint(openApiDocument());
    const problems = report.problems.map(
      (problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it("is linted for real: an operation without 4xx answers is flagged", async () => {
    const document = structuredClone(openApiDocument());
    const health = document.paths?.["/api/health"]?.get;
    if (!health) throw new Error("no health operation");
    health.responses = { 200: health.responses?.["200"] };
    const report = await lint(document);
    expect(report.problems.map((problem) => problem.ruleId)).toEqual(
      expect.arrayContaining(["operation-4xx-response"]),
    );
    expect(report.totals.warnings + report.totals.errors).toBeGreaterThan(0);
  });
});
