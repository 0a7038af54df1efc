-- A reference case (参考性案例) made from a closed case of any service, personal data removed:
-- proposed by the staff who handled it, approved (or returned with a reason) by an expert or the
-- bureau. One per closed case: a returned proposal is edited and proposed again. A case recorded
-- from a matter closed before the platform (the demo's) has no source case. Row-level
-- security, the tenant policy and the rights of the plugin's role are added by the platform's runner.
CREATE TABLE reference_cases_entry (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  source_case_id uuid,
  -- The service that handled it (a plugin id) and the case's category there, as the library filters them.
  service_type text NOT NULL,
  category text,
  title text NOT NULL,
  summary text NOT NULL,
  resolution text NOT NULL,
  -- The articles it rests on, as checked: [{ "written", "law", "article" }].
  statutes jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('proposed', 'approved', 'returned')),
  proposed_by text NOT NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  decided_by text,
  decided_at timestamptz,
  return_reason text,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, source_case_id),
  FOREIGN KEY (tenant_id, source_case_id) REFERENCES "case" (tenant_id, id),
  CHECK ((status = 'returned') = (return_reason IS NOT NULL))
);
CREATE INDEX reference_cases_entry_status ON reference_cases_entry (tenant_id, status, decided_at DESC);
