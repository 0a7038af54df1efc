-- A case's number is drawn in a statement of its own, committed at once, not in the intake's
-- transaction: the counter row is then locked for microseconds, not from the draw to the intake's
-- commit, so a district's intakes no longer pass it one at a time (issue 20). The function binds the
-- statement to the tenant (the app role's RLS reads app.tenant_id) and bumps the year's counter.
-- An intake that fails after its draw leaves its number unused: a gap, rare and accepted.
CREATE FUNCTION draw_case_number(p_tenant_id uuid, p_year integer) RETURNS integer
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  drawn integer;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
  INSERT INTO case_counter (tenant_id, year, last) VALUES (p_tenant_id, p_year, 1)
    ON CONFLICT (tenant_id, year) DO UPDATE SET last = case_counter.last + 1
    RETURNING last INTO drawn;
  RETURN drawn;
END $$;
