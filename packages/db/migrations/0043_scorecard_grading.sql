ALTER TABLE "scorecard" ADD COLUMN "grading" jsonb;--> statement-breakpoint
ALTER TABLE "scorecard_setting" ADD COLUMN "grade_a_from" numeric(4, 1);--> statement-breakpoint
ALTER TABLE "scorecard_setting" ADD COLUMN "grade_a_points" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "scorecard_setting" ADD COLUMN "grade_b_from" numeric(4, 1);--> statement-breakpoint
ALTER TABLE "scorecard_setting" ADD COLUMN "grade_b_points" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "scorecard_setting" ADD COLUMN "grade_c_from" numeric(4, 1);--> statement-breakpoint
ALTER TABLE "scorecard_setting" ADD COLUMN "grade_c_points" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "scorecard_setting" ADD COLUMN "grade_d_points" numeric(5, 2);--> statement-breakpoint
-- Districts that set weights keep the grading they were scored with: the former fixed bands
-- (A >= 95 % full points, B >= 90 % 85 %, C >= 80 % 70 %, D 50 %) in points of their weight.
UPDATE "scorecard_setting" SET "grade_a_from" = 95, "grade_a_points" = "satisfaction_weight",
  "grade_b_from" = 90, "grade_b_points" = round("satisfaction_weight" * 0.85, 2),
  "grade_c_from" = 80, "grade_c_points" = round("satisfaction_weight" * 0.7, 2),
  "grade_d_points" = round("satisfaction_weight" * 0.5, 2);--> statement-breakpoint
-- Snapshots published before grading was a setting were computed with those bands.
UPDATE "scorecard" SET "grading" = jsonb_build_object(
  'A', jsonb_build_object('from', 95, 'points', round(("weights"->>'satisfaction')::numeric, 2)),
  'B', jsonb_build_object('from', 90, 'points', round(("weights"->>'satisfaction')::numeric * 0.85, 2)),
  'C', jsonb_build_object('from', 80, 'points', round(("weights"->>'satisfaction')::numeric * 0.7, 2)),
  'D', jsonb_build_object('points', round(("weights"->>'satisfaction')::numeric * 0.5, 2)));--> statement-breakpoint
ALTER TABLE "scorecard_setting" ALTER COLUMN "grade_a_from" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "scorecard_setting" ALTER COLUMN "grade_a_points" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "scorecard_setting" ALTER COLUMN "grade_b_from" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "scorecard_setting" ALTER COLUMN "grade_b_points" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "scorecard_setting" ALTER COLUMN "grade_c_from" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "scorecard_setting" ALTER COLUMN "grade_c_points" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "scorecard_setting" ALTER COLUMN "grade_d_points" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "scorecard" ALTER COLUMN "grading" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "inspection_day_idx" ON "inspection" USING btree ("tenant_id","inspected_on","id");--> statement-breakpoint
ALTER TABLE "scorecard_setting" ADD CONSTRAINT "scorecard_setting_grade_thresholds" CHECK (0 < "scorecard_setting"."grade_c_from" and "scorecard_setting"."grade_c_from" < "scorecard_setting"."grade_b_from" and "scorecard_setting"."grade_b_from" < "scorecard_setting"."grade_a_from" and "scorecard_setting"."grade_a_from" <= 100);--> statement-breakpoint
ALTER TABLE "scorecard_setting" ADD CONSTRAINT "scorecard_setting_grade_points" CHECK (0 <= "scorecard_setting"."grade_d_points" and "scorecard_setting"."grade_d_points" <= "scorecard_setting"."grade_c_points" and "scorecard_setting"."grade_c_points" <= "scorecard_setting"."grade_b_points" and "scorecard_setting"."grade_b_points" <= "scorecard_setting"."grade_a_points" and "scorecard_setting"."grade_a_points" <= "scorecard_setting"."satisfaction_weight");