-- Families read their device fee statement in English or Spanish. A price can carry its name in
-- Spanish, and a charge made from the price list keeps what it was for in Spanish beside the
-- English description, as it was worded on the day it was charged (the ledger is append-only: a
-- price renamed later does not rewrite last month's statement). Both stay empty when the district
-- gave no Spanish name; the statement then shows the English one.
ALTER TABLE device_fee_prices ADD COLUMN name_es text CHECK (name_es IS NULL OR name_es <> '');
ALTER TABLE device_fee_entries ADD COLUMN description_es text CHECK (description_es IS NULL OR description_es <> '');
