-- Legal publicity events held by a unit (centre, station, room, service point), with the
-- audience reached and the materials handed out. Row-level security, the tenant policy and the
-- rights of the plugin's role are added by the platform's runner.
CREATE TABLE legal_education_event (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  held_on date NOT NULL,
  held_month integer GENERATED ALWAYS AS ((extract(year FROM held_on) * 100 + extract(month FROM held_on))::integer) STORED,
  event_type text NOT NULL,
  theme text NOT NULL,
  title text NOT NULL,
  venue text NOT NULL,
  audience text NOT NULL,
  attendance integer NOT NULL CHECK (attendance >= 0),
  materials integer NOT NULL DEFAULT 0 CHECK (materials >= 0),
  -- The campaign it belongs to ("2026 宪法宣传周"), if any.
  campaign text,
  -- The unit's monthly themed day (主题活动日): at most one a month per unit.
  themed_day boolean NOT NULL DEFAULT false,
  -- The lecture booking it answers, when a resident or a firm asked for it.
  case_id uuid,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id)
);
CREATE INDEX legal_education_event_unit ON legal_education_event (tenant_id, organisation_id, held_on);
CREATE UNIQUE INDEX legal_education_event_themed_day ON legal_education_event (tenant_id, organisation_id, held_month) WHERE themed_day;
