// The console's HTTP server: Next.js behind a thin Node server whose one job is to say truthfully
// where a request came from. `next start` keeps an X-Forwarded-For the client sent, so anybody could
// choose the address the audit trail records and the rate limits count. Here the socket's address
// replaces it, unless SWITCHBOARD_TRUST_PROXY says a reverse proxy in front sets the header.
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustProxy = ["1", "true", "yes"].includes((process.env.SWITCHBOARD_TRUST_PROXY ?? "").toLowerCase());

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** Whether the path decodes: Next answers 500 to one that does not (%FF, or overlong UTF-8 such as %C0%AE). */
function decodablePath(url) {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return true;
  } catch {
    return false;
  }
}

createServer((req, res) => {
  // Such a path names no page, route or service: the request is malformed.
  if (!decodablePath(req.url)) {
    res.writeHead(400, { "Cache-Control": "no-store", "Content-Length": "0" }).end();
    return;
  }
  if (!trustProxy) {
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    delete req.headers["x-real-ip"];
  }
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(
    `Switchboard: console at http://localhost:${port}${trustProxy ? " (client addresses from X-Forwarded-For)" : ""}`,
  );
});
