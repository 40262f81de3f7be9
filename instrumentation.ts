// Runs once when the Next.js server starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./lib/startup");
  await prepareDatabase();
}
