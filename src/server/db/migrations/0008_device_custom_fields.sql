-- Custom fields a district defines per device category ("insurance_policy" on Chromebooks). The
-- values stay in devices.custom_fields keyed by `key`, so a label can be renamed without touching
-- a device; a category with no definitions keeps accepting free-form fields.

CREATE TABLE device_custom_fields (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  category text NOT NULL CHECK (category IN ('chromebook', 'laptop', 'tablet', 'desktop', 'hotspot', 'charger', 'other')),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,49}$'),
  label text NOT NULL CHECK (label <> ''),
  type text NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean')),
  required boolean NOT NULL DEFAULT false,
  position integer NOT NULL CHECK (position >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, category, key)
);
