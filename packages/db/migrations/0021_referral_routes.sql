CREATE TABLE "federation_route" (
	"peer_node" text NOT NULL,
	"referral_ref" text NOT NULL,
	"direction" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "federation_route_peer_node_referral_ref_direction_pk" PRIMARY KEY("peer_node","referral_ref","direction")
);
