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

createServer((req, res) => {
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
