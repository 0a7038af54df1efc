-- Inspections and station scorecards (tables created in 0027 with the questionnaires).
-- Checklist versions are never changed: editing adds a version, old inspections keep theirs.
GRANT SELECT, INSERT ON inspection_checklist TO linju_app;--> statement-breakpoint
-- An inspection's scores are its record; only its rectification items change (done / not done).
GRANT SELECT, INSERT ON inspection TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT ON inspection_score TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON inspection_rectification TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON scorecard_setting TO linju_app;--> statement-breakpoint
-- A published scorecard never moves: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON scorecard TO linju_app;--> statement-breakpoint
ALTER TABLE inspection_checklist FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE inspection FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE inspection_score FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE inspection_rectification FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE scorecard_setting FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE scorecard FORCE ROW LEVEL SECURITY;
