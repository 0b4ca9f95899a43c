/** A NumberInput's value as the API's decimal string ('45.00'); undefined when empty. */
export function toMoney(value: number | string): string | undefined {
  if (value === '' || !Number.isFinite(Number(value))) return undefined;
  return Number(value).toFixed(2);
}

/** A NumberInput's value as a whole number, or undefined when empty. */
export function toCount(value: number | string): number | undefined {
  if (value === '' || !Number.isFinite(Number(value))) return undefined;
  return Math.trunc(Number(value));
}
