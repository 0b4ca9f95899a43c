import { NumberInput, type NumberInputProps } from '@mantine/core';

/**
 * An amount in dollars as every money field of the app takes it: "$1,249.00", never negative,
 * cents always shown. `toMoney` (routes/devices/repairs/money-input.ts) turns its value into the
 * API's decimal string. Other NumberInput props (label, required, a higher `min`, `max`) pass through.
 */
export function MoneyInput(props: NumberInputProps) {
  return <NumberInput min={0} decimalScale={2} fixedDecimalScale prefix="$" thousandSeparator="," {...props} />;
}
