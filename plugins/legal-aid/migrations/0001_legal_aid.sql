-- The district's economic-hardship threshold over time, the decision on each application, the
-- closure report and the subsidies paid per case. Row-level security, the tenant policy and the
-- rights of the plugin's role are added by the platform's runner.
CREATE TABLE legal_aid_threshold (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  -- The local standard: monthly income per household member, in yuan (often the minimum wage
  -- or a multiple of the subsistence allowance).
  effective_from date NOT NULL,
  monthly_per_capita_income numeric(10, 2) NOT NULL CHECK (monthly_per_capita_income > 0),
  basis text NOT NULL,
  set_by text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, effective_from)
);

CREATE TABLE legal_aid_decision (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL,
  granted boolean NOT NULL,
  route text NOT NULL CHECK (route IN ('mandatory', 'exempt-migrant-worker', 'exempt-group', 'hardship-check')),
  per_capita_income numeric(10, 2),
  threshold numeric(10, 2),
  reason text,
  due_on date NOT NULL,
  decided_on date NOT NULL,
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, case_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id),
  CHECK (granted OR reason IS NOT NULL)
);

CREATE TABLE legal_aid_closure (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL,
  lawyer_name text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('won', 'partly-won', 'lost', 'settled', 'mediated', 'withdrawn', 'sentence-reduced')),
  amount_recovered numeric(12, 2),
  summary text NOT NULL,
  reported_by text NOT NULL,
  reported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, case_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id)
);

CREATE TABLE legal_aid_subsidy (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  recipient text NOT NULL,
  amount numeric(10, 2) NOT NULL CHECK (amount > 0),
  basis text NOT NULL,
  paid_on date NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id)
);
CREATE INDEX legal_aid_subsidy_case ON legal_aid_subsidy (tenant_id, case_id);
