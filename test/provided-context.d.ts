// What test/global-setup.ts provides to integration tests and test/browser-setup.ts to browser
// tests (vitest's inject()).
declare module 'vitest' {
  export interface ProvidedContext {
    /** Owner (migrator) URL: for fixtures that must bypass RLS, and for checks on the schema. */
    ownerDatabaseUrl: string;
    /** The application role's URL: what the server uses, subject to RLS. */
    databaseUrl: string;
    temporalAddress: string;
    /** The run's data key (base64), as `LINJU_DATA_KEY`: the audit chains' keys derive from it. */
    dataKey: string;
    /** The demo district seeded once for the run's stacks to start from (test/demo-template.ts). */
    demoTemplate: { dir: string; seededOn: string; workflowBundleCache: string };
  }
}

export {};
