/**
 * Runs the Google emulator until SIGINT/SIGTERM:
 *   node --import tsx tests/emulator/main.ts [--port N] [--large] [--deny]
 * Prints the origin and the KALM_GOOGLE_* lines to point Kalm at it.
 */
import { parseArgs } from 'node:util';
import { seedLarge } from './seed-generated';
import { startGoogleEmulator } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    large: { type: 'boolean', default: false },
    deny: { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Bad --port: ${values.port}`);
  process.exit(2);
}

const emu = await startGoogleEmulator({ port, seed: values.large ? seedLarge() : undefined, consent: values.deny ? 'deny' : 'auto' });
console.log(`Google emulator on ${emu.origin} (client id ${emu.clientId}, secret ${emu.clientSecret})`);
console.log(`KALM_GOOGLE_API_ROOT=${emu.origin}`);
console.log(`KALM_GOOGLE_AUTH_URL=${emu.authUrl}`);
console.log(`KALM_GOOGLE_TOKEN_URL=${emu.tokenUrl}`);
console.log(`KALM_GOOGLE_CLIENT_ID=${emu.clientId}`);
console.log(`KALM_GOOGLE_CLIENT_SECRET=${emu.clientSecret}`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void emu.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
