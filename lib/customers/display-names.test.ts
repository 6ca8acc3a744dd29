import { describe, expect, it } from "vitest";
import { countryName, industryName } from "./display-names";
import { countryOptions } from "./reference-data";

describe("display names", () => {
  it("names every country as its picker does, and leaves an unknown code as it is", () => {
    for (const option of countryOptions()) expect(countryName(option.value), option.value).toBe(option.label);
    expect(countryName("CN")).toBe("People's Republic of China");
    expect(countryName("not a code")).toBe("not a code");
  });

  it("names industry categories from the API's own list", () => {
    expect(industryName("5045")).toBe("Computers and software");
    expect(industryName("0000")).toBe("0000");
  });
});
