// `npm run secrets:reseal`: after rotating SWITCHBOARD_SECRET_KEY (see README), seal every stored
// secret again under the new key. With the embedded database, stop the console first.
import { resealTotpSecrets } from "../lib/auth/reseal-totp";
import { closeDb } from "../lib/db/index";
import { resealCredentialSecrets } from "../lib/messaging/reseal";
import { resealSmsChannelSecrets } from "../lib/sms/reseal";
import { prepareDatabase } from "../lib/startup";

await prepareDatabase(() => {});
const { checked, resealed } = await resealCredentialSecrets();
console.log(`Switchboard: ${resealed} of ${checked} stored secrets sealed again under the current key.`);
const totp = await resealTotpSecrets();
console.log(
  `Switchboard: ${totp.resealed} of ${totp.checked} second-factor secrets sealed again under the current key.`,
);
const sms = await resealSmsChannelSecrets();
console.log(
  `Switchboard: ${sms.resealed} sealed SMS channel values (of ${sms.checked} channels) sealed again under the current key.`,
);
await closeDb();
