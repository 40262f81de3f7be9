// The driver's "Possible problems" (seeds/003): what each log line means and which option to check.
// The channel page shows them, and the PKCS#12 check's findings link to the one that explains them.

export type TroubleshootingId = "no-trusted-certificate" | "smsc-closes-socket" | "keystore-password" | "key-password";

export interface TroubleshootingCase {
  id: TroubleshootingId;
  title: string;
  /** The line the driver logs. */
  logLine: string;
  meaning: string;
  check: string;
}

export const TROUBLESHOOTING: readonly TroubleshootingCase[] = [
  {
    id: "no-trusted-certificate",
    title: "Certificate file is not trusted by SMSC",
    logLine:
      "(oSmpp.openAndBind): error... failed to send bind request: sun.security.validator.ValidatorException: No trusted certificate found",
    meaning:
      "The TLS handshake failed: the key store the driver uses holds no certificate that vouches for the SMSC's host certificate.",
    check:
      "x-smpp-tls-path-to-certificate: the PKCS#12 file must contain the SMSC's host certificate with its certificate chains (or, with no path in single mode, the JRE's cacerts must trust it).",
  },
  {
    id: "smsc-closes-socket",
    title: "SMSC does not trust your certificate",
    logLine: "(oSmpp.openAndBind): error... SMSC close socket connection. Maybe SMSC don't trust your certificate",
    meaning:
      "In mutual mode the SMSC closed the connection after the driver sent its own certificate: the SMSC does not trust it, or the file holds no private key for it.",
    check:
      "x-smpp-tls-mode (the SMSC must use the same mode) and x-smpp-tls-path-to-certificate: the file must hold the driver's private key and a certificate the SMSC trusts.",
  },
  {
    id: "keystore-password",
    title: "Password for certificate file is invalid",
    logLine: "(oSmpp.initialize): error... failed to initialize ssl context: keystore password was incorrect",
    meaning: "The driver could not open the PKCS#12 file, so the channel did not start.",
    check: "x-smpp-tls-certificate-file-password: the password that opens the PKCS#12 file.",
  },
  {
    id: "key-password",
    title: "Password for your certificate is invalid",
    logLine:
      "(oSmpp.initialize): error... failed to initialize ssl context: Get Key failed: Given final block not properly padded",
    meaning:
      "The file opened, but its private key did not decrypt with the certificate password, so the channel did not start.",
    check: "x-smpp-tls-certificate-password: the password of the certificate's private key in the PKCS#12 file.",
  },
];

/** The privacy notes of the driver's Security and Privacy page, shown as information. */
export const PRIVACY_NOTES = [
  {
    title: "Session mode",
    text: "SMS sessions are chat sessions in Chat Server, so PII (personally identifiable information) is filtered and masked there: Chat Server reads the PII rules from Universal Contact Server and applies them to messages within chat transcripts (see Masking Sensitive Data in the Chat Server Administration Guide, and the Privacy Manager Guide).",
  },
  {
    title: "Page mode",
    text: "In page mode the business process sends PII requests itself, with these ESP requests from the strategy: DataByGroup, DataByRule and DataByRegEx.",
  },
] as const;

export const troubleshootingAnchor = (id: TroubleshootingId) => `troubleshooting-${id}`;
