/** An option of a country, currency or category picker: the code, and what people read. */
export interface PickerOption {
  value: string;
  label: string;
  keywords?: string;
}
