-- Appointment slots of a notary office (an organisation of the tree) and the bookings made for
-- cases. Row-level security, the tenant policy and the rights of the plugin's role are added by
-- the platform's runner.
CREATE TABLE notary_booking_slot (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  office_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 50),
  withdrawn_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, office_id) REFERENCES organisation (tenant_id, id),
  CHECK (ends_at > starts_at)
);

-- One office cannot offer two slots starting at the same moment.
CREATE UNIQUE INDEX notary_booking_slot_office_start ON notary_booking_slot (tenant_id, office_id, starts_at);

CREATE TABLE notary_booking (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slot_id uuid NOT NULL,
  case_id uuid NOT NULL,
  expedited boolean NOT NULL DEFAULT false,
  green_channel text CHECK (green_channel IN ('elderly', 'sick', 'disabled')),
  home_visit_address text,
  booked_by text NOT NULL,
  booked_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  cancel_reason text,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, slot_id) REFERENCES notary_booking_slot (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id),
  -- A home visit is the green channel's: only for the elderly, sick or disabled.
  CHECK (home_visit_address IS NULL OR green_channel IS NOT NULL)
);

-- A case holds at most one live appointment (no double booking, even across slots).
CREATE UNIQUE INDEX notary_booking_one_per_case ON notary_booking (tenant_id, case_id) WHERE cancelled_at IS NULL;
CREATE INDEX notary_booking_slot_live ON notary_booking (tenant_id, slot_id) WHERE cancelled_at IS NULL;
