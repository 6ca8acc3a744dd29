import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sayMessage } from "@/lib/i18n/error-catalogs";
import { AppError, fieldErrorsFromZod, messageOfZodText, zodMessage } from "./errors";

const zodEnglish = z.locales.en().localeError;

/** Each issue's message as the reader gets it in English, and as Zod's own English words it. */
function bothWordings(schema: z.ZodType, input: unknown): { ours: string[]; zods: string[] } {
  const ours = schema.safeParse(input);
  const zods = schema.safeParse(input, { error: zodEnglish });
  if (ours.success || zods.success) throw new Error("the input was meant to fail");
  return {
    ours: fieldErrorsFromZod(ours.error).map((detail) => sayMessage(detail.message, "en")),
    zods: zods.error.issues.map((issue) => issue.message),
  };
}

describe("message codes in Zod issues", () => {
  it("carry a code and its values through a Zod message and back", () => {
    expect(messageOfZodText(zodMessage("mustBeAtMost", { max: 255 }))).toEqual({
      key: "mustBeAtMost",
      values: { max: 255 },
    });
    expect(messageOfZodText(zodMessage("required"))).toEqual({ key: "required" });
    // A message that is no code at all reads as Zod's most general one, never as raw text.
    expect(messageOfZodText("some words")).toEqual({ key: "invalidInput" });
  });

  it("give a missing value of any type the code `required`", () => {
    const schema = z.strictObject({ name: z.string(), count: z.number(), tags: z.array(z.string()) });
    const details = fieldErrorsFromZod(schema.safeParse({}).error!);
    expect(details.map(({ field, code, message }) => ({ field, code, message }))).toEqual([
      { field: "name", code: "required", message: { key: "required" } },
      { field: "count", code: "required", message: { key: "required" } },
      { field: "tags", code: "required", message: { key: "required" } },
    ]);
  });

  it("word the checks our schemas leave to Zod in Zod's own English", () => {
    const cases: [z.ZodType, unknown][] = [
      [z.object({ a: z.string() }), "text"],
      [z.array(z.string()), { not: "a list" }],
      [z.number(), "7"],
      [z.string().max(3), "longer"],
      [z.array(z.number()).min(2), [1]],
      [z.number().max(10), 11],
      [z.number().min(1), 0],
      [z.number().multipleOf(5), 7],
      [z.literal("yes"), "no"],
      [z.enum(["a", "b"]), "c"],
      [z.email(), "not an email"],
      [z.string().regex(/^a+$/), "b"],
    ];
    for (const [schema, input] of cases) {
      const { ours, zods } = bothWordings(schema, input);
      expect(ours, JSON.stringify(input)).toEqual(zods);
    }
  });

  it("name the message, not its words, in an AppError's own message (what a log shows)", () => {
    const error = new AppError("not_found", 404, "noSuchCustomer");
    expect(error.message).toBe("noSuchCustomer");
    expect(error.userMessage).toEqual({ key: "noSuchCustomer" });
    const withValues = new AppError("rate_limited", 429, { key: "signInThrottled", values: { minutes: 2 } });
    expect(withValues.message).toBe('signInThrottled {"minutes":2}');
  });
});
