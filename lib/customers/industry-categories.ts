/**
 * Industry categories a partner may give in `industry_category_code`: ISO 18245 merchant category
 * codes (MCC) for the kinds of business AxisFI onboards. One list for the API rule, the OpenAPI
 * enum and the wizard's select.
 */
export const INDUSTRY_CATEGORIES = [
  { code: "5045", name: "Computers and software" },
  { code: "5065", name: "Electrical parts and equipment" },
  { code: "5122", name: "Drugs and pharmaceuticals (wholesale)" },
  { code: "5137", name: "Uniforms and commercial clothing" },
  { code: "5311", name: "Department stores" },
  { code: "5399", name: "General merchandise" },
  { code: "5411", name: "Grocery stores and supermarkets" },
  { code: "5499", name: "Food stores (specialty)" },
  { code: "5651", name: "Family clothing stores" },
  { code: "5691", name: "Clothing stores" },
  { code: "5732", name: "Electronics stores" },
  { code: "5734", name: "Computer software stores" },
  { code: "5812", name: "Restaurants" },
  { code: "5817", name: "Digital goods: applications and software" },
  { code: "5818", name: "Digital goods: large merchant" },
  { code: "5942", name: "Book stores" },
  { code: "5945", name: "Toy and game shops" },
  { code: "5964", name: "Catalogue and mail-order merchants" },
  { code: "5969", name: "Direct marketing and other e-commerce" },
  { code: "5999", name: "Miscellaneous retail" },
  { code: "4111", name: "Passenger transport" },
  { code: "4214", name: "Freight and trucking" },
  { code: "4722", name: "Travel agencies" },
  { code: "4812", name: "Telecommunication equipment" },
  { code: "4816", name: "Computer network and information services" },
  { code: "7011", name: "Hotels and lodging" },
  { code: "7311", name: "Advertising services" },
  { code: "7372", name: "Computer programming and data processing" },
  { code: "7392", name: "Management, consulting and public relations" },
  { code: "7399", name: "Business services" },
  { code: "8011", name: "Doctors and physicians" },
  { code: "8220", name: "Colleges and universities" },
  { code: "8299", name: "Schools and educational services" },
  { code: "8398", name: "Charitable and social service organisations" },
  { code: "8931", name: "Accounting and bookkeeping" },
  { code: "8999", name: "Professional services" },
] as const;

export const INDUSTRY_CATEGORY_CODES: ReadonlySet<string> = new Set(
  INDUSTRY_CATEGORIES.map((category) => category.code),
);
