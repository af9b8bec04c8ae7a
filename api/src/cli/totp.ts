// npm run totp   Prints the current code of the demo TOTP secret (development only).
import { totpCode, totpStep, TOTP_STEP_SECONDS } from '../platform/auth/totp';
import { DEMO_TOTP_SECRET } from '../seed/demo';

const left = TOTP_STEP_SECONDS - (Math.floor(Date.now() / 1000) % TOTP_STEP_SECONDS);
console.log(`${totpCode(process.argv[2] ?? DEMO_TOTP_SECRET, totpStep())}  (valid ${left}s more; demo secret ${DEMO_TOTP_SECRET})`);
