import { beforeAll, describe, expect, it } from "vitest";
import { WIZARD_ROUTES, clientCatalogWeight, firstLoad } from "@/bench/first-load";
import { ensureNextBuild } from "./helpers/app-server";

/**
 * The budget of issue 11: at most 180 KB of gzip-compressed first-load JavaScript on any wizard
 * step, in every wizard (staff, hosted link, fixing a customer), counting the catalogs of text the
 * wizard hands the browser (CLIENT_NAMESPACES.wizard, in the language where they weigh most).
 * Computed from the production build's manifests and the catalogs (bench/first-load.ts);
 * `npm run bench` measures the same in Chromium.
 */
const BUDGET_BYTES = 180 * 1024;

beforeAll(async () => {
  await ensureNextBuild();
}, 600_000);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe("first-load JavaScript and text of the wizard", () => {
  it("counts the wizard's catalogs, in their heavier language", () => {
    const catalogs = clientCatalogWeight("wizard");
    expect(catalogs.namespaces).toContain("wizard");
    expect(catalogs.gzip).toBeGreaterThan(0);
  });

  for (const { route, steps } of WIZARD_ROUTES) {
    for (const step of steps) {
      it(`${route}, ${step} step: at most 180 KB gzip, catalogs included`, () => {
        const weight = firstLoad(route).get(step)!;
        const catalogs = clientCatalogWeight("wizard");
        expect(weight.files.length).toBeGreaterThan(0);
        expect(
          weight.gzip + catalogs.gzip,
          `${kb(weight.gzip)} gzip JavaScript in ${weight.files.join(", ")}, and ${kb(catalogs.gzip)} gzip of the ${catalogs.locale} catalogs ${catalogs.namespaces.join(", ")}`,
        ).toBeLessThanOrEqual(BUDGET_BYTES);
      });
    }
  }
});
