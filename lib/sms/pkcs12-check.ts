// Opens a PKCS#12 file as the SMS driver (Java) would: the file password verifies and opens the store,
// the certificate password decrypts the private key. Reports in plain words what the driver would log,
// and each certificate's subject, issuer and validity. node-forge reads the file; nothing here parses ASN.1.
import forge from "node-forge";
import { MUTUAL_NEEDS_KEY } from "./tls-rules";
import type { TroubleshootingId } from "./troubleshooting";

export const MAX_KEYSTORE_BYTES = 64 * 1024;
const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CertificateSummary {
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  status: "valid" | "expired" | "expires-soon" | "not-yet-valid";
}

export interface Pkcs12Finding {
  level: "error" | "warning" | "ok";
  message: string;
  /** The troubleshooting case that explains it, when one does. */
  troubleshooting?: TroubleshootingId;
}

export interface Pkcs12Report {
  /** Whether the file password opened the store. */
  opened: boolean;
  /** Null when the store could not be opened. */
  hasPrivateKey: boolean | null;
  certificates: CertificateSummary[];
  findings: Pkcs12Finding[];
}

export interface Pkcs12CheckInput {
  file: Buffer;
  filePassword: string | null;
  certificatePassword: string | null;
  mode: string;
  now?: Date;
}

type Stage = "mac" | "key" | "contents" | "format";

/**
 * Which step of forge's reading failed. forge throws plain Errors without codes, so its messages are the
 * only signal; they are pinned by the tests on openssl-made files, so a forge upgrade that rewords them fails there.
 */
function failedStage(error: unknown): Stage {
  const message = error instanceof Error ? error.message : "";
  if (/MAC could not be verified/.test(message)) return "mac";
  if (/ShroudedKeyBag/.test(message)) return "key";
  if (/SafeContents/.test(message)) return "contents";
  return "format";
}

function readAsn1(file: Buffer): forge.asn1.Asn1 | null {
  try {
    return forge.asn1.fromDer(forge.util.createBuffer(file.toString("binary")));
  } catch {
    return null;
  }
}

/** Whether the bytes are a DER structure at all (an upload's first check). */
export function looksLikeDer(file: Buffer): boolean {
  return readAsn1(file) !== null;
}

function parse(asn1: forge.asn1.Asn1, password: string, verifyMac: boolean) {
  // With the MAC already verified by the file password, a second reading with the key password skips it.
  const structure = verifyMac ? asn1 : { ...asn1, value: (asn1.value as forge.asn1.Asn1[]).slice(0, 2) };
  return forge.pkcs12.pkcs12FromAsn1(structure, false, password);
}

const OIDS = {
  certBag: forge.pki.oids.certBag as string,
  keyBag: forge.pki.oids.keyBag as string,
  shroudedKeyBag: forge.pki.oids.pkcs8ShroudedKeyBag as string,
};

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, type: string) {
  return p12.getBags({ bagType: type })[type] ?? [];
}

const holdsKey = (p12: forge.pkcs12.Pkcs12Pfx) =>
  bagsOf(p12, OIDS.shroudedKeyBag).length + bagsOf(p12, OIDS.keyBag).length > 0;

const nameOf = (name: forge.pki.Certificate["subject"]) =>
  name.attributes.map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`).join(", ");

function summarize(certificate: forge.pki.Certificate, now: Date): CertificateSummary {
  const { notBefore, notAfter } = certificate.validity;
  const status =
    notAfter.getTime() < now.getTime()
      ? "expired"
      : notBefore.getTime() > now.getTime()
        ? "not-yet-valid"
        : notAfter.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * DAY_MS
          ? "expires-soon"
          : "valid";
  return { subject: nameOf(certificate.subject), issuer: nameOf(certificate.issuer), notBefore, notAfter, status };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function certificateFindings(certificates: CertificateSummary[]): Pkcs12Finding[] {
  return certificates.flatMap((c): Pkcs12Finding[] => {
    if (c.status === "expired")
      return [{ level: "error", message: `The certificate ${c.subject} expired on ${day(c.notAfter)}.` }];
    if (c.status === "not-yet-valid")
      return [{ level: "error", message: `The certificate ${c.subject} is not valid before ${day(c.notBefore)}.` }];
    if (c.status === "expires-soon")
      return [
        { level: "warning", message: `The certificate ${c.subject} expires on ${day(c.notAfter)}, within 30 days.` },
      ];
    return [];
  });
}

const KEYSTORE_PASSWORD_INCORRECT: Pkcs12Finding = {
  level: "error",
  message:
    'keystore password was incorrect: the certificate file password does not open this file. The driver would log "failed to initialize ssl context: keystore password was incorrect".',
  troubleshooting: "keystore-password",
};

const KEY_PASSWORD_INCORRECT: Pkcs12Finding = {
  level: "error",
  message:
    "Get Key failed: Given final block not properly padded. The certificate password does not decrypt the private key in this file.",
  troubleshooting: "key-password",
};

export function checkPkcs12({
  file,
  filePassword,
  certificatePassword,
  mode,
  now = new Date(),
}: Pkcs12CheckInput): Pkcs12Report {
  const closed = (finding: Pkcs12Finding): Pkcs12Report => ({
    opened: false,
    hasPrivateKey: null,
    certificates: [],
    findings: [finding],
  });
  const asn1 = readAsn1(file);
  if (!asn1) return closed({ level: "error", message: "This file is not a PKCS#12 file (it is not DER-encoded)." });
  if (!filePassword)
    return closed({
      level: "error",
      message: "Set the certificate file password to open the file: the driver needs it too.",
      troubleshooting: "keystore-password",
    });

  let p12: forge.pkcs12.Pkcs12Pfx;
  const findings: Pkcs12Finding[] = [];
  try {
    p12 = parse(asn1, filePassword, true);
    // The key opened with the file password: the driver uses the certificate password for it.
    if (holdsKey(p12) && certificatePassword !== null && certificatePassword !== filePassword)
      findings.push(KEY_PASSWORD_INCORRECT);
  } catch (error) {
    const stage = failedStage(error);
    if (stage === "mac" || stage === "contents") return closed(KEYSTORE_PASSWORD_INCORRECT);
    if (stage === "format")
      return closed({ level: "error", message: "This file is not a PKCS#12 file Switchboard can read." });
    // The MAC held (the file password is right) but the key has its own password.
    if (certificatePassword === null) {
      return closed({
        level: "error",
        message: "The private key has its own password: set the certificate password to open it.",
        troubleshooting: "key-password",
      });
    }
    try {
      p12 = parse(asn1, certificatePassword, false);
    } catch (second) {
      if (failedStage(second) === "key") return { ...closed(KEY_PASSWORD_INCORRECT), opened: true };
      return {
        ...closed({
          level: "warning",
          message:
            "The file password opens the store, but the certificates are encrypted with it and the key with another password: Switchboard cannot check the certificate password separately.",
        }),
        opened: true,
      };
    }
  }

  const hasPrivateKey = holdsKey(p12);
  const certificates = bagsOf(p12, OIDS.certBag).flatMap((bag) => (bag.cert ? [summarize(bag.cert, now)] : []));
  if (mode === "mutual" && !hasPrivateKey)
    findings.push({
      level: "error",
      message: `This file holds no private key. ${MUTUAL_NEEDS_KEY}`,
      troubleshooting: "smsc-closes-socket",
    });
  if (certificates.length === 0)
    findings.push({
      level: "error",
      message: "This file holds no certificate: the driver would find no trusted certificate for the SMSC.",
      troubleshooting: "no-trusted-certificate",
    });
  findings.push(...certificateFindings(certificates));
  if (!findings.some((f) => f.level === "error"))
    findings.unshift({
      level: "ok",
      message: `The file opens with the file password${hasPrivateKey ? " and its private key with the certificate password" : ""}.`,
    });
  return { opened: true, hasPrivateKey, certificates, findings };
}
