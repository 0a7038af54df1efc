CREATE TABLE "statute_article" (
	"law_id" text NOT NULL,
	"seq" integer NOT NULL,
	"label" text NOT NULL,
	"number" integer,
	"chapter" text,
	"text" text NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "statute_article_law_id_seq_pk" PRIMARY KEY("law_id","seq"),
	CONSTRAINT "statute_article_status_known" CHECK ("statute_article"."status" in ('current', 'amended', 'repealed', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "statute_law" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"department" text,
	"issued_by" text,
	"promulgated_on" date,
	"effective_on" date,
	CONSTRAINT "statute_law_status_known" CHECK ("statute_law"."status" in ('current', 'amended', 'repealed', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "statute_term" (
	"term" text NOT NULL,
	"law_id" text NOT NULL,
	"seq" integer NOT NULL,
	"weight" real NOT NULL,
	CONSTRAINT "statute_term_term_law_id_seq_pk" PRIMARY KEY("term","law_id","seq")
);
--> statement-breakpoint
ALTER TABLE "statute_article" ADD CONSTRAINT "statute_article_law_id_statute_law_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."statute_law"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statute_term" ADD CONSTRAINT "statute_term_law_id_seq_statute_article_law_id_seq_fk" FOREIGN KEY ("law_id","seq") REFERENCES "public"."statute_article"("law_id","seq") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statute_article_number_idx" ON "statute_article" USING btree ("law_id","number");--> statement-breakpoint
CREATE INDEX "statute_law_name_idx" ON "statute_law" USING btree ("name");--> statement-breakpoint
CREATE INDEX "statute_law_short_name_idx" ON "statute_law" USING btree ("short_name");--> statement-breakpoint
-- National law, the same for every district: the app role reads it; only the owner (linju statutes import) writes it.
GRANT SELECT ON statute_law, statute_article, statute_term TO linju_app;
--> statement-breakpoint
-- A search reads each question term's postings from this index alone (no table rows).
CREATE INDEX "statute_term_postings_idx" ON "statute_term" USING btree ("term") INCLUDE ("law_id", "seq", "weight");
