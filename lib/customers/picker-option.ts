/** An option of a country, currency or category picker: the code, and what people read. */
export interface PickerOption {
  value: string;
  label: string;
  /** Other names people search by: a country's short names and its name in its own language. */
  aliases?: string[];
}
