/** How many documents and legal representatives a customer may have. No imports: the wizard's forms read these without loading the schemas. */
export const MAX_DOCUMENTS = 20;
export const MAX_BUSINESS_PERSONS = 20;
