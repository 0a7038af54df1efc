// React picks its build from NODE_ENV when first imported; unset, it is the development build,
// which checks and annotates every element and renders the admin's pages several times slower
// (the case page with a 100-event timeline: most of its time). The server serves the admin's
// production build, so React runs as production too unless NODE_ENV says otherwise. Imported
// first by main.ts, before anything that imports React (react-router, the admin's request handler).
process.env.NODE_ENV ??= 'production';
