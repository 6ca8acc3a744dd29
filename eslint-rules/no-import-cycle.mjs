import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/**
 * No two of our modules depend on each other, by any route. Type imports count: a type both sides
 * need belongs in a module below both, so that each folder reads top-down.
 *
 * Why not eslint-plugin-import's `import/no-cycle`: it skips `import type` when it walks the graph,
 * and every cycle this code base had ran through one (a handler importing its context type from the
 * router that imports it, a back end importing its interface from the module that chooses it), so
 * it passed with both in place (it also parses every module it reaches, packages included, which
 * is slow). This rule reads only our own files, with TypeScript's scanner and TypeScript's module
 * resolution (so `@/…` resolves exactly as tsconfig.json says), and counts every form of import:
 * `import`, `import type`, `export … from`, `import()` and `import("…").Type`.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCE = /\.(ts|tsx|mts|cts)$/;

let compilerOptions;
function options() {
  compilerOptions ??= ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  }).options;
  return compilerOptions;
}

const resolutionCache = ts.createModuleResolutionCache(ROOT, (name) => name);

function isOurs(file) {
  return file.startsWith(ROOT) && !file.includes(`${path.sep}node_modules${path.sep}`) && SOURCE.test(file);
}

/** The modules of ours that a text imports, with where each import names its module. */
function importsIn(file, text) {
  const found = [];
  for (const { fileName, pos, end } of ts.preProcessFile(text, true, true).importedFiles) {
    const resolved = ts.resolveModuleName(fileName, file, options(), ts.sys, resolutionCache).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport) continue;
    const target = path.resolve(resolved.resolvedFileName);
    if (isOurs(target)) found.push({ specifier: fileName, pos, end, target });
  }
  return found;
}

/** Each file's imports as they are on disk, read again when the file changes (an editor's long-lived lint). */
const onDisk = new Map();
function importedBy(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return [];
  }
  const known = onDisk.get(file);
  if (known && known.mtimeMs === stat.mtimeMs) return known.targets;
  const targets = [...new Set(importsIn(file, fs.readFileSync(file, "utf8")).map((entry) => entry.target))];
  onDisk.set(file, { mtimeMs: stat.mtimeMs, targets });
  return targets;
}

/** The shortest chain of imports from `start` back to `home`, or null when there is none. */
function routeBack(start, home) {
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importedBy(file)) {
      if (next === home) {
        const route = [file];
        for (let step = cameFrom.get(file); step; step = cameFrom.get(step)) route.unshift(step);
        return route;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
export const noImportCycle = {
  meta: {
    type: "problem",
    docs: { description: "Forbid imports that lead back to the importing file, type imports included." },
    schema: [],
    messages: {
      cycle: "Import cycle: {{route}} → this file. Move what both sides need into a module below both.",
    },
  },
  create(context) {
    const home = path.resolve(context.physicalFilename);
    if (!isOurs(home)) return {};
    return {
      "Program:exit"() {
        // The text being linted, not the file on disk: an editor's unsaved change is checked too.
        for (const { pos, end, target } of importsIn(home, context.sourceCode.text)) {
          if (target === home) continue;
          const route = routeBack(target, home);
          if (!route) continue;
          context.report({
            loc: { start: context.sourceCode.getLocFromIndex(pos), end: context.sourceCode.getLocFromIndex(end) },
            messageId: "cycle",
            data: { route: route.map((file) => path.relative(ROOT, file)).join(" → ") },
          });
        }
      },
    };
  },
};

const plugin = { rules: { "no-import-cycle": noImportCycle } };
export default plugin;
