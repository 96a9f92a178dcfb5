// The references of Next.js's generated next-env.d.ts, which git ignores because each output
// folder (.next for `npm start`, .next/e2e for the browser tests) writes its own version.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
