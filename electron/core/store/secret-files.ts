import { SOURCE_FILES } from '../sources/registry';
import { ENCRYPTED_TEAM_SECRET_FILE, TEAM_SECRET_FILE } from '../team/team-config';

/**
 * Files in the data folder that hold sign-ins and keys: the sources' secret files (their descriptors' `files`
 * marked `secret`) and the team password (plain 0600 or keychain-encrypted). They never go into a backup zip: a backup is copied to USB sticks and
 * cloud folders, and the encrypted ones only open on this computer anyway. After restoring a backup the owner
 * connects Google (and Play) again.
 */
export const SECRET_FILES: ReadonlySet<string> = new Set([...SOURCE_FILES.filter((s) => s.secret).map((s) => s.file), TEAM_SECRET_FILE, ENCRYPTED_TEAM_SECRET_FILE]);
