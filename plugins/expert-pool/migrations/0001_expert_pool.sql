-- The district's pool of experts (公益法律服务专家库) and the matters put to them for a written
-- opinion (研判). No contact details are kept: the plugin's tables are not sealed, so an expert is
-- reached through their linked account or by bureau staff. Row-level security, the tenant policy
-- and the rights of the plugin's role are added by the platform's runner.
CREATE TABLE expert_pool_expert (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('lawyer', 'scholar', 'retired-judge', 'mediator')),
  affiliation text NOT NULL,
  fields text[] NOT NULL CHECK (cardinality(fields) > 0),
  availability text NOT NULL CHECK (availability IN ('available', 'paused', 'left')),
  paused_until date,
  staff_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, staff_id) REFERENCES staff_member (tenant_id, id),
  CHECK ((availability = 'paused') = (paused_until IS NOT NULL))
);
-- One expert per account: "my requests" are found by it.
CREATE UNIQUE INDEX expert_pool_expert_staff ON expert_pool_expert (tenant_id, staff_id) WHERE staff_id IS NOT NULL;

CREATE TABLE expert_pool_request (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  -- The case's number as the expert sees it on "my requests" (the plugin cannot read the case).
  case_number text NOT NULL,
  expert_id uuid NOT NULL,
  field text NOT NULL,
  question text NOT NULL,
  due_on date NOT NULL,
  requested_by uuid NOT NULL,
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  -- The district's dates of asking and answering: the load figures count days by them.
  requested_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'withdrawn')),
  opinion text,
  answered_at timestamptz,
  answered_on date,
  -- Who wrote it down: the expert in the app, or bureau staff on their behalf (named).
  recorded_by_name text,
  on_behalf boolean NOT NULL DEFAULT false,
  withdrawn_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id),
  FOREIGN KEY (tenant_id, expert_id) REFERENCES expert_pool_expert (tenant_id, id),
  FOREIGN KEY (tenant_id, requested_by) REFERENCES staff_member (tenant_id, id),
  CHECK ((status = 'answered') = (opinion IS NOT NULL AND answered_at IS NOT NULL AND answered_on IS NOT NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX expert_pool_request_case ON expert_pool_request (tenant_id, case_id);
CREATE INDEX expert_pool_request_expert ON expert_pool_request (tenant_id, expert_id, status);
