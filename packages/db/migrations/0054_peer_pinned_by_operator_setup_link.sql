CREATE TABLE "platform_operator_setup" (
	"operator_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_operator_setup_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "federation_peer" ADD COLUMN "pinned_by" text;--> statement-breakpoint
ALTER TABLE "platform_operator_setup" ADD CONSTRAINT "platform_operator_setup_operator_id_platform_operator_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."platform_operator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The setup page reads a link by its token's hash (hashes only: the token is never stored).
GRANT SELECT ON platform_operator_setup TO linju_app;--> statement-breakpoint
-- The app role may not write operators (0048): a setup link is completed by this function alone,
-- which sets the password of the one operator whose unused, unexpired link the caller holds, and
-- spends the link in the same statement. Owned by the migrator; pg_temp last, names qualified.
CREATE OR REPLACE FUNCTION public.complete_operator_setup(link_token_hash text, new_password_hash text)
RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $body$
DECLARE
  operator uuid;
BEGIN
  UPDATE public.platform_operator_setup SET used_at = pg_catalog.now()
    WHERE token_hash = link_token_hash AND used_at IS NULL AND expires_at > pg_catalog.now()
    RETURNING operator_id INTO operator;
  IF operator IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE public.platform_operator SET password_hash = new_password_hash WHERE id = operator;
  RETURN operator;
END
$body$;--> statement-breakpoint
REVOKE ALL ON FUNCTION public.complete_operator_setup(text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.complete_operator_setup(text, text) TO linju_app;
