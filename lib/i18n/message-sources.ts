/**
 * Test-only: every message text lib/ and app/ can refuse with, read from their source with the
 * TypeScript compiler API, so that lib/i18n/error-messages.test.ts fails when one has no Chinese.
 * Never imported by the app (it reads files and loads the compiler).
 *
 * What counts as a message: the message argument of `new AppError(code, status, message)`,
 * `validationError(details, message)`, `withCode(code, message)` and of any function of the same
 * file with a parameter named `message` (`refuse`, `dateOrder`, …), and such a parameter's
 * default; `message:` in an object that also has `code`, `field` or `ok` (field errors, Zod
 * issues, phone checks); `error:` in files that import Zod; and Zod's shorthand message argument
 * (`.min(1, "…")`, `z.enum(list, "…")`).
 * Interpolations become a sample value, except a constant of the same file, whose every variant
 * is taken (`${why}` where `why` is one of two sentences).
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface MessageSource {
  /** The English message with each unknown `${…}` replaced by the sample value. */
  text: string;
  file: string;
  line: number;
}

export const SAMPLE_VALUE = "7";

const SKIPPED = [
  /\.test\.tsx?$/,
  /\.d\.ts$/,
  /\.gen\.ts$/,
  /^lib\/generated\//,
  /^lib\/api\/openapi/,
  /^lib\/env\.ts$/,
];
const SKIPPED_FILES = new Set(["lib/i18n/message-sources.ts", "lib/i18n/error-messages.ts"]);

function sourceFiles(root: string, folders: string[]): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.tsx?$/.test(entry.name) && !SKIPPED.some((skip) => skip.test(child)) && !SKIPPED_FILES.has(child)) {
        found.push(child);
      }
    }
  };
  for (const folder of folders) walk(folder);
  return found;
}

/** Zod methods whose message may be given as a plain string, and the argument it is. */
const ZOD_SHORTHAND_FROM: Record<string, number> = {
  min: 1,
  max: 1,
  length: 1,
  regex: 1,
  enum: 1,
  refine: 1,
  gt: 1,
  gte: 1,
  lt: 1,
  lte: 1,
  string: 0,
  number: 0,
  int: 0,
  email: 0,
  url: 0,
  array: 1,
  boolean: 0,
  nonempty: 0,
};

const KNOWN_MESSAGE_ARGUMENT: Record<string, number> = { validationError: 1, withCode: 1 };

function parse(root: string, file: string): ts.SourceFile {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

function topLevelConstants(source: ts.SourceFile): Map<string, ts.Expression> {
  const constants = new Map<string, ts.Expression>();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const list = node.parent;
      if (ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const) {
        constants.set(node.name.text, node.initializer);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return constants;
}

/** Functions of the file with a parameter named `message`: name → its index. */
function messageParameters(source: ts.SourceFile): Map<string, number> {
  const found = new Map<string, number>();
  const record = (name: string, parameters: ts.NodeArray<ts.ParameterDeclaration>) => {
    const index = parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === "message");
    if (index >= 0) found.set(name, index);
  };
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name) record(node.name.text, node.parameters);
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    ) {
      record(node.name.text, node.initializer.parameters);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importsZod(source: ts.SourceFile): boolean {
  return source.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === "zod",
  );
}

export function collectMessages(root: string, folders = ["lib", "app"]): MessageSource[] {
  const files = sourceFiles(root, folders).map((file) => parse(root, file));
  // Constants exported anywhere (REQUIRED, WRONG_CREDENTIALS), read when a file uses one it imports.
  const shared = new Map<string, ts.Expression>();
  for (const source of files) for (const [name, value] of topLevelConstants(source)) shared.set(name, value);

  const messages: MessageSource[] = [];
  for (const source of files) {
    const local = topLevelConstants(source);
    const localFunctions = messageParameters(source);
    const zod = importsZod(source);

    const variants = (expression: ts.Expression, depth = 0): string[] => {
      if (depth > 6) return [];
      if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression)) {
        return variants(expression.expression, depth + 1);
      }
      if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
      if (ts.isConditionalExpression(expression)) {
        return [...variants(expression.whenTrue, depth + 1), ...variants(expression.whenFalse, depth + 1)];
      }
      if (ts.isArrowFunction(expression) && !ts.isBlock(expression.body)) return variants(expression.body, depth + 1);
      if (ts.isIdentifier(expression)) {
        const value = local.get(expression.text) ?? shared.get(expression.text);
        return value ? variants(value, depth + 1) : [];
      }
      if (ts.isTemplateExpression(expression)) {
        let results = [expression.head.text];
        for (const span of expression.templateSpans) {
          const inner =
            ts.isIdentifier(span.expression) && local.has(span.expression.text)
              ? variants(span.expression, depth + 1)
              : [];
          const values = inner.length > 0 ? inner : [SAMPLE_VALUE];
          results = results.flatMap((start) => values.map((value) => start + value + span.literal.text));
        }
        return results;
      }
      return [];
    };

    const add = (expression: ts.Expression | undefined) => {
      if (!expression) return;
      const line = source.getLineAndCharacterOfPosition(expression.getStart()).line + 1;
      for (const text of variants(expression)) messages.push({ text, file: source.fileName, line });
    };

    const visit = (node: ts.Node) => {
      // A default message: `validationError(details, message = "…")`.
      if (ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === "message") add(node.initializer);
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "AppError") {
        add(node.arguments?.[2]);
      }
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (ts.isIdentifier(callee)) {
          const index = localFunctions.get(callee.text) ?? KNOWN_MESSAGE_ARGUMENT[callee.text];
          if (index !== undefined) add(node.arguments[index]);
        } else if (zod && ts.isPropertyAccessExpression(callee) && callee.name.text in ZOD_SHORTHAND_FROM) {
          node.arguments.forEach((argument, index) => {
            if (
              index >= ZOD_SHORTHAND_FROM[callee.name.text] &&
              (ts.isStringLiteral(argument) || ts.isTemplateExpression(argument))
            ) {
              add(argument);
            }
          });
        }
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
        const name = node.name.text;
        const object = node.parent;
        if (name === "message" && ts.isObjectLiteralExpression(object)) {
          const keys = object.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ""));
          if (keys.some((key) => key === "code" || key === "field" || key === "ok")) add(node.initializer);
        }
        if (name === "error" && zod) add(node.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return messages;
}
