import { beforeAll, describe, expect, it } from "vitest";
import { WIZARD_ROUTES, firstLoad } from "@/bench/first-load";
import { ensureNextBuild } from "./helpers/app-server";

/**
 * The budget of issue 11: at most 180 KB of gzip-compressed first-load JavaScript on any wizard
 * step, in every wizard (staff, hosted link, fixing a customer). Computed from the production
 * build's manifests (bench/first-load.ts); `npm run bench` measures the same in Chromium.
 */
const BUDGET_BYTES = 180 * 1024;

beforeAll(async () => {
  await ensureNextBuild();
}, 600_000);

describe("first-load JavaScript of the wizard", () => {
  for (const { route, steps } of WIZARD_ROUTES) {
    for (const step of steps) {
      it(`${route}, ${step} step: at most 180 KB gzip`, () => {
        const weight = firstLoad(route).get(step)!;
        expect(weight.files.length).toBeGreaterThan(0);
        expect(
          weight.gzip,
          `${(weight.gzip / 1024).toFixed(1)} KB gzip in ${weight.files.join(", ")}`,
        ).toBeLessThanOrEqual(BUDGET_BYTES);
      });
    }
  }
});
