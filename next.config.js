// @ts-check
// Security headers of what Next answers without the proxy: its assets, public/ and the API (whose every
// call, inbound deliveries included, is spared running the proxy); the proxy sets the same on pages
// (lib/request/security-headers.ts, kept equal by e2e/headers.spec.ts).
const staticHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];
const lockedDownCsp = {
  key: "Content-Security-Policy",
  value: "default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
  poweredByHeader: false,
  // `npm run check` type-checks the whole project (tests included) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: "/:path*", headers: staticHeaders },
      // Only where the proxy does not run: two policies on one response would both apply.
      { source: "/_next/static/:path*", headers: [lockedDownCsp] },
      { source: "/favicon.ico", headers: [lockedDownCsp] },
      { source: "/icon.svg", headers: [lockedDownCsp] },
      { source: "/api/:path*", headers: [lockedDownCsp] },
    ];
  },
};

export default nextConfig;
