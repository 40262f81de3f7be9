// PKCS#12 files made by openssl for tests: a good store, one without a key, an expired and an expiring
// certificate, and one whose file (MAC) and key passwords differ. Passwords: "store-pass" (and "key-pass").
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const FIXTURE_NAMES = ["good", "nokey", "expired", "soon", "twopass"] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

export function makePkcs12Fixtures(): { files: Record<FixtureName, Buffer>; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "sms-p12-"));
  const openssl = (args: string[], input?: string) =>
    // setsid: without a controlling terminal openssl reads -twopass passwords from stdin.
    execFileSync("setsid", ["-w", "openssl", ...args], { cwd: dir, input, stdio: ["pipe", "ignore", "ignore"] });
  const subject = (cn: string) => ["-subj", `/CN=${cn}/O=Switchboard Test`];
  const selfSigned = (key: string, cert: string, days: string, cn: string) =>
    openssl([
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      days,
      ...subject(cn),
    ]);
  selfSigned("key.pem", "cert.pem", "365", "driver.example.test");
  selfSigned("soon-key.pem", "soon.pem", "10", "soon.example.test");
  // An expired certificate: openssl ca can date it in the past.
  writeFileSync(
    path.join(dir, "ca.cnf"),
    "[ca]\ndefault_ca = d\n[d]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\ndefault_md = sha256\npolicy = p\nunique_subject = no\n[p]\ncommonName = supplied\n",
  );
  writeFileSync(path.join(dir, "index.txt"), "");
  writeFileSync(path.join(dir, "serial"), "01\n");
  openssl(["req", "-new", "-key", "key.pem", "-out", "old.csr", ...subject("old.example.test")]);
  openssl([
    "ca",
    "-batch",
    "-config",
    "ca.cnf",
    "-selfsign",
    "-keyfile",
    "key.pem",
    "-in",
    "old.csr",
    "-startdate",
    "20200101000000Z",
    "-enddate",
    "20210101000000Z",
    "-out",
    "old.pem",
  ]);
  const pkcs12 = (out: string, ...args: string[]) =>
    openssl(["pkcs12", "-export", ...args, "-passout", "pass:store-pass", "-out", out]);
  pkcs12("good.p12", "-inkey", "key.pem", "-in", "cert.pem");
  pkcs12("nokey.p12", "-nokeys", "-in", "cert.pem");
  pkcs12("expired.p12", "-inkey", "key.pem", "-in", "old.pem");
  pkcs12("soon.p12", "-inkey", "soon-key.pem", "-in", "soon.pem");
  // File (MAC) password and key password differ, as Java key stores allow.
  openssl(
    [
      "pkcs12",
      "-export",
      "-twopass",
      "-inkey",
      "key.pem",
      "-in",
      "cert.pem",
      "-certpbe",
      "NONE",
      "-out",
      "twopass.p12",
    ],
    "store-pass\nstore-pass\nkey-pass\nkey-pass\n",
  );
  const files = Object.fromEntries(
    FIXTURE_NAMES.map((name) => [name, readFileSync(path.join(dir, `${name}.p12`))]),
  ) as Record<FixtureName, Buffer>;
  return { files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
