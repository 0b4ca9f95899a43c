-- Devices: repairs with parts from a catalog (stock per site), loaner pools, the "ready for
-- pickup" notice, and damage fees from a district price list with payments and waivers.
-- Like 0005, child rows reference their parents by (district_id, id), so a row can never point
-- at another district's device, part, repair or fee.

ALTER TABLE device_events DROP CONSTRAINT device_events_type_check;
ALTER TABLE device_events ADD CONSTRAINT device_events_type_check
  CHECK (type IN ('created', 'updated', 'status_changed', 'checked_out', 'checked_in', 'undone', 'imported',
                  'repair_opened', 'repair_updated', 'repair_closed', 'loaner_out', 'loaner_in'));

-- A hold placed by fees is released by the fees themselves once the balance is paid or waived;
-- one such hold per person at a time. Holds placed by staff stay 'manual'.
ALTER TABLE device_holds ADD COLUMN source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'fees'));
CREATE UNIQUE INDEX device_holds_fees_active ON device_holds (person_id) WHERE source = 'fees' AND released_at IS NULL;

-- ---- the parts catalog ----

CREATE TABLE device_parts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  name text NOT NULL CHECK (name <> ''),
  sku text NOT NULL CHECK (sku <> ''),
  cost numeric(12, 2) NOT NULL CHECK (cost >= 0),
  model_id uuid,
  -- A site whose stock falls to this level or below is on the reorder list.
  reorder_level integer NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, id),
  FOREIGN KEY (district_id, model_id) REFERENCES device_models(district_id, id)
);
CREATE UNIQUE INDEX device_parts_sku ON device_parts (district_id, upper(sku));

-- Stock of a part at a school; school_id null is the district's own depot.
CREATE TABLE device_part_stock (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  part_id uuid NOT NULL,
  school_id uuid REFERENCES schools(id),
  quantity integer NOT NULL CHECK (quantity >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (district_id, part_id) REFERENCES device_parts(district_id, id)
);
CREATE UNIQUE INDEX device_part_stock_site ON device_part_stock (part_id, coalesce(school_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- ---- repairs ----

CREATE TABLE device_repairs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  device_id uuid NOT NULL,
  -- The device's school when the repair was opened: scope, and the site whose parts it uses.
  school_id uuid REFERENCES schools(id),
  -- The student whose device it is: the pickup notice and the fee go to them.
  person_id uuid REFERENCES people(id),
  kind text NOT NULL CHECK (kind IN ('warranty', 'accidental', 'intentional', 'other')),
  description text NOT NULL CHECK (description <> ''),
  vendor text,
  labor_cost numeric(12, 2) NOT NULL DEFAULT 0 CHECK (labor_cost >= 0),
  -- A help-desk ticket's reference, as text until the help desk exists.
  ticket_ref text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'sent_to_vendor', 'ready_for_pickup', 'closed', 'cancelled')),
  -- Where the device was before: closing gives it back to that holder (a new check-out).
  previous_status text NOT NULL,
  previous_assignment_id uuid REFERENCES device_assignments(id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  opened_by text NOT NULL,
  sent_at timestamptz,
  ready_at timestamptz,
  closed_at timestamptz,
  closed_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, id),
  FOREIGN KEY (district_id, device_id) REFERENCES devices(district_id, id)
);
-- One repair in progress per device.
CREATE UNIQUE INDEX device_repairs_open ON device_repairs (device_id) WHERE status NOT IN ('closed', 'cancelled');
CREATE INDEX device_repairs_district_status ON device_repairs (district_id, status, opened_at DESC);
CREATE INDEX device_repairs_person ON device_repairs (person_id) WHERE person_id IS NOT NULL;

-- Parts used by a repair; their stock was taken from school_id (null: the depot) in the same transaction.
CREATE TABLE device_repair_parts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  repair_id uuid NOT NULL,
  part_id uuid NOT NULL,
  school_id uuid REFERENCES schools(id),
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_cost numeric(12, 2) NOT NULL CHECK (unit_cost >= 0),
  used_at timestamptz NOT NULL DEFAULT now(),
  used_by text NOT NULL,
  FOREIGN KEY (district_id, repair_id) REFERENCES device_repairs(district_id, id),
  FOREIGN KEY (district_id, part_id) REFERENCES device_parts(district_id, id)
);
CREATE INDEX device_repair_parts_repair ON device_repair_parts (repair_id);

-- Emails sent about a repair, one row per recipient: a retried job never sends twice.
CREATE TABLE device_repair_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  repair_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ready_for_pickup')),
  person_id uuid REFERENCES people(id),
  email text NOT NULL,
  -- 'both' when no account language is known for the recipient: the email carries English and Spanish.
  language text NOT NULL CHECK (language IN ('en', 'es', 'both')),
  sent_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (district_id, repair_id) REFERENCES device_repairs(district_id, id)
);
CREATE UNIQUE INDEX device_repair_notices_once ON device_repair_notices (repair_id, kind, lower(email));

-- ---- loaners ----

-- The devices a school lends while a student's own device is in repair.
CREATE TABLE device_loaner_pool (
  device_id uuid PRIMARY KEY,
  district_id uuid NOT NULL REFERENCES districts(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  added_by text NOT NULL,
  FOREIGN KEY (district_id, device_id) REFERENCES devices(district_id, id)
);
CREATE INDEX device_loaner_pool_school ON device_loaner_pool (district_id, school_id);

-- A loaner lent with a repair: the check-out itself (kind 'loaner', due_on) is the assignment.
CREATE TABLE device_repair_loans (
  assignment_id uuid PRIMARY KEY REFERENCES device_assignments(id),
  district_id uuid NOT NULL REFERENCES districts(id),
  repair_id uuid NOT NULL,
  FOREIGN KEY (district_id, repair_id) REFERENCES device_repairs(district_id, id)
);
CREATE INDEX device_repair_loans_repair ON device_repair_loans (repair_id);
CREATE INDEX device_assignments_loaners_due ON device_assignments (district_id, due_on) WHERE kind = 'loaner' AND checked_in_at IS NULL;

-- ---- fees ----

-- The district's price list: by damage kind or by part. free_per_year occurrences per student per
-- school year cost nothing ("the first accidental repair is free").
CREATE TABLE device_fee_prices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  name text NOT NULL CHECK (name <> ''),
  damage_kind text CHECK (damage_kind IN ('warranty', 'accidental', 'intentional', 'other')),
  part_id uuid,
  amount numeric(12, 2) NOT NULL CHECK (amount >= 0),
  free_per_year integer NOT NULL DEFAULT 0 CHECK (free_per_year >= 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, id),
  FOREIGN KEY (district_id, part_id) REFERENCES device_parts(district_id, id),
  CHECK ((damage_kind IS NULL) <> (part_id IS NULL))
);
CREATE UNIQUE INDEX device_fee_prices_damage ON device_fee_prices (district_id, damage_kind) WHERE active AND damage_kind IS NOT NULL;
CREATE UNIQUE INDEX device_fee_prices_part ON device_fee_prices (district_id, part_id) WHERE active AND part_id IS NOT NULL;

-- The ledger of a person's fees: charges, payments and waivers. Append-only like the audit log:
-- a wrong charge is waived, never edited, so a statement printed last month still adds up.
-- Amounts are positive; the kind says which way they count. Never card data: a reference is a
-- receipt or check number, and the API refuses anything that looks like a card number.
CREATE TABLE device_fee_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL UNIQUE,
  district_id uuid NOT NULL REFERENCES districts(id),
  person_id uuid NOT NULL REFERENCES people(id),
  kind text NOT NULL CHECK (kind IN ('charge', 'payment', 'waiver')),
  amount numeric(12, 2) NOT NULL CHECK (amount >= 0),
  description text NOT NULL CHECK (description <> ''),
  -- Charges: what they are for. A free occurrence is a charge of 0 with its list amount kept.
  repair_id uuid,
  price_id uuid,
  quantity integer CHECK (quantity > 0),
  list_amount numeric(12, 2) CHECK (list_amount >= 0),
  free boolean NOT NULL DEFAULT false,
  school_year integer,
  -- Payments
  method text CHECK (method IN ('cash', 'check', 'online', 'other')),
  reference text,
  -- Waivers (required) and notes
  reason text,
  at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  FOREIGN KEY (district_id, repair_id) REFERENCES device_repairs(district_id, id),
  FOREIGN KEY (district_id, price_id) REFERENCES device_fee_prices(district_id, id),
  CHECK ((kind = 'payment') = (method IS NOT NULL)),
  CHECK (kind <> 'waiver' OR (reason IS NOT NULL AND reason <> '')),
  CHECK (kind = 'charge' OR amount > 0)
);
CREATE INDEX device_fee_entries_person ON device_fee_entries (person_id, seq);
CREATE INDEX device_fee_entries_repair ON device_fee_entries (repair_id) WHERE repair_id IS NOT NULL;
CREATE INDEX device_fee_entries_occurrences ON device_fee_entries (person_id, price_id, school_year) WHERE kind = 'charge';

CREATE FUNCTION device_fee_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'device_fee_entries is append-only: waive a wrong charge instead';
END;
$$;
CREATE TRIGGER device_fee_entries_no_update BEFORE UPDATE OR DELETE ON device_fee_entries
  FOR EACH ROW EXECUTE FUNCTION device_fee_entries_append_only();
CREATE TRIGGER device_fee_entries_no_truncate BEFORE TRUNCATE ON device_fee_entries
  FOR EACH STATEMENT EXECUTE FUNCTION device_fee_entries_append_only();
