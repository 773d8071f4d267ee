import { homedir } from 'node:os';
import { join } from 'node:path';

/** The same folder Electron's app.getPath('userData') gives for productName "Kalm". */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), 'Kalm');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Kalm');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Kalm');
}
