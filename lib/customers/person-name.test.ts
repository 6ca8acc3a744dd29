import { describe, expect, it } from "vitest";
import { personName } from "./person-name";

describe("personName", () => {
  it("writes a Chinese name family name first, with no space", () => {
    expect(personName("伟明", "陈")).toBe("陈伟明");
  });

  it("writes Japanese and Korean names family name first too", () => {
    expect(personName("太郎", "山田")).toBe("山田太郎");
    expect(personName("민수", "김")).toBe("김민수");
  });

  it("writes a Latin name given name first, with a space", () => {
    expect(personName("Wei", "Zhang")).toBe("Wei Zhang");
    expect(personName(" José ", " Núñez ")).toBe("José Núñez");
  });

  it("gives the one part there is, or nothing", () => {
    expect(personName("陈", undefined)).toBe("陈");
    expect(personName(null, "Zhang")).toBe("Zhang");
    expect(personName("", "  ")).toBe("");
  });
});
