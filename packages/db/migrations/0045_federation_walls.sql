CREATE TABLE "federation_peer_allowance" (
	"peer_node" text NOT NULL,
	"org_id" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "federation_peer_allowance_peer_node_org_id_pk" PRIMARY KEY("peer_node","org_id")
);
--> statement-breakpoint
ALTER TABLE "federation_peer" ADD COLUMN "organisations" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "federation_peer" ADD COLUMN "allow_private_network" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_link" ADD COLUMN "first_opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "federation_peer_allowance" ADD CONSTRAINT "federation_peer_allowance_peer_node_federation_peer_node_id_fk" FOREIGN KEY ("peer_node") REFERENCES "public"."federation_peer"("node_id") ON DELETE cascade ON UPDATE no action;