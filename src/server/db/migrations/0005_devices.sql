-- Devices (1:1): models, the inventory, its append-only history, check-outs, signed use
-- agreements and the holds that stop a new device being issued (fees will set them later).
-- Child tables reference devices by (district_id, id), so a row can never point at another
-- district's device even if a service forgot to check.

CREATE TABLE device_models (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  manufacturer text,
  name text NOT NULL,
  category text NOT NULL CHECK (category IN ('chromebook', 'laptop', 'tablet', 'desktop', 'hotspot', 'charger', 'other')),
  expected_life_years integer CHECK (expected_life_years BETWEEN 1 AND 20),
  replacement_price numeric(12, 2) CHECK (replacement_price >= 0),
  aue_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, id)
);
CREATE UNIQUE INDEX device_models_name ON device_models (district_id, lower(coalesce(manufacturer, '')), lower(name));

CREATE TABLE devices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  -- A device found by a Google Admin import may not carry a tag yet; its serial is always known.
  asset_tag text CHECK (asset_tag <> ''),
  serial text NOT NULL CHECK (serial <> ''),
  model_id uuid,
  status text NOT NULL DEFAULT 'in_stock'
    CHECK (status IN ('in_stock', 'assigned', 'loaner', 'in_repair', 'lost', 'stolen', 'retired', 'ewaste')),
  school_id uuid REFERENCES schools(id),
  location text,
  purchase_date date,
  cost numeric(12, 2) CHECK (cost >= 0),
  funding_source text CHECK (funding_source IN ('general_fund', 'esser', 'e_rate', 'grant', 'bond', 'other')),
  warranty_end date,
  -- Overrides the model's auto-update expiration (Google reports it per device).
  aue_date date,
  notes text,
  custom_fields jsonb NOT NULL DEFAULT '{}',
  org_unit_path text,
  last_sync timestamptz,
  os_version text,
  mac_address text,
  annotated_user text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, id),
  FOREIGN KEY (district_id, model_id) REFERENCES device_models(district_id, id)
);
-- Scanners and people type tags and serials in either case: uniqueness and lookups ignore it.
CREATE UNIQUE INDEX devices_tag ON devices (district_id, upper(asset_tag));
CREATE UNIQUE INDEX devices_serial ON devices (district_id, upper(serial));
CREATE INDEX devices_district_status ON devices (district_id, status);
CREATE INDEX devices_school ON devices (school_id, status);
CREATE INDEX devices_model ON devices (model_id);

-- Who has a device. A person (student or staff) or a place (a cart or a room) holds it; the
-- partial unique index keeps one open assignment per device, whatever races the scan station.
CREATE TABLE device_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  device_id uuid NOT NULL,
  kind text NOT NULL DEFAULT 'assigned' CHECK (kind IN ('assigned', 'loaner')),
  assignee_type text NOT NULL CHECK (assignee_type IN ('student', 'staff', 'cart', 'room')),
  person_id uuid REFERENCES people(id),
  label text,
  checked_out_at timestamptz NOT NULL DEFAULT now(),
  checked_out_by text NOT NULL,
  condition_out text CHECK (condition_out IN ('new', 'good', 'fair', 'poor', 'damaged')),
  accessories jsonb NOT NULL DEFAULT '[]',
  due_on date,
  checked_in_at timestamptz,
  checked_in_by text,
  condition_in text CHECK (condition_in IN ('new', 'good', 'fair', 'poor', 'damaged', 'lost', 'stolen')),
  accessories_returned jsonb,
  -- Set when a check-out was undone at the scan station: it never really happened.
  voided_at timestamptz,
  FOREIGN KEY (district_id, device_id) REFERENCES devices(district_id, id),
  CHECK ((assignee_type IN ('student', 'staff')) = (person_id IS NOT NULL)),
  CHECK ((assignee_type IN ('cart', 'room')) = (label IS NOT NULL AND label <> '')),
  CHECK (jsonb_typeof(accessories) = 'array')
);
CREATE UNIQUE INDEX device_assignments_open ON device_assignments (device_id) WHERE checked_in_at IS NULL;
CREATE INDEX device_assignments_person ON device_assignments (person_id, checked_out_at DESC) WHERE person_id IS NOT NULL;
CREATE INDEX device_assignments_device ON device_assignments (device_id, checked_out_at DESC);

-- Everything that happened to a device, and so to a person through their devices. Append-only,
-- like the audit log: an undone scan is a new event, never an erased one.
CREATE TABLE device_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL UNIQUE,
  district_id uuid NOT NULL REFERENCES districts(id),
  device_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_account_id uuid,
  actor_label text NOT NULL,
  type text NOT NULL CHECK (type IN ('created', 'updated', 'status_changed', 'checked_out', 'checked_in', 'undone', 'imported')),
  from_status text,
  to_status text,
  person_id uuid REFERENCES people(id),
  assignment_id uuid,
  condition text,
  note text,
  -- For 'undone': the event it reverses.
  undoes uuid REFERENCES device_events(id) DEFERRABLE INITIALLY IMMEDIATE, -- restore inserts in key order
  details jsonb NOT NULL DEFAULT '{}',
  FOREIGN KEY (district_id, device_id) REFERENCES devices(district_id, id)
);
CREATE INDEX device_events_device ON device_events (device_id, seq DESC);
CREATE INDEX device_events_person ON device_events (person_id, seq DESC) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX device_events_undone_once ON device_events (undoes) WHERE undoes IS NOT NULL;

CREATE FUNCTION device_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'device_events is append-only';
END;
$$;
CREATE TRIGGER device_events_no_update BEFORE UPDATE OR DELETE ON device_events
  FOR EACH ROW EXECUTE FUNCTION device_events_append_only();
CREATE TRIGGER device_events_no_truncate BEFORE TRUNCATE ON device_events
  FOR EACH STATEMENT EXECUTE FUNCTION device_events_append_only();

-- The signed acceptable-use agreement: who signed (the student, or a guardian for them), which
-- version of the document, when. signer_person_id is null when the signer is not rostered.
CREATE TABLE use_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  person_id uuid NOT NULL REFERENCES people(id),
  signed_by text NOT NULL CHECK (signed_by IN ('student', 'guardian')),
  signer_person_id uuid REFERENCES people(id),
  signer_name text NOT NULL,
  version text NOT NULL,
  signed_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX use_agreements_person ON use_agreements (person_id, signed_at DESC);

-- A hold stops a new device being issued to a person (a student who owes a fee). Fees will
-- place and release holds; until then staff do. Released holds stay as history.
CREATE TABLE device_holds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  person_id uuid NOT NULL REFERENCES people(id),
  reason text NOT NULL CHECK (reason <> ''),
  amount numeric(12, 2) CHECK (amount >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  released_at timestamptz,
  released_by text,
  release_reason text
);
CREATE INDEX device_holds_active ON device_holds (person_id) WHERE released_at IS NULL;

-- The scan station finds a person by what their badge carries (student number, email or
-- username), in either case, within the 100 ms a scan is allowed.
CREATE INDEX people_identifier_lower ON people (district_id, lower(identifier));
CREATE INDEX people_username_lower ON people (district_id, lower(username));
