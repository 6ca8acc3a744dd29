import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import axisfi from "./eslint-rules/no-import-cycle.mjs";

/**
 * Arrows point one way (pages → components → ui, and everything → lib/): a page hands its server
 * actions to the client components that use them as props. ESLint replaces, not merges, a rule's
 * options when two blocks match a file, so the components block lists this pattern beside its own.
 */
const importFromApp = {
  regex: "^(@/|(\\.\\./)+)app(/|$)",
  message:
    "components/ and lib/ never import from app/: the page passes its server actions down as props, typed in the component or a browser-safe lib/ module.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // No two files import each other, not even for a type (see eslint-rules/no-import-cycle.mjs).
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: { axisfi },
    rules: { "axisfi/no-import-cycle": "error" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // Components never reach the database or server-only modules.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/generated/*", "server-only"],
              message: "Components must not import server code.",
            },
            importFromApp,
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [importFromApp] }],
    },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    "data/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
  ]),
]);
