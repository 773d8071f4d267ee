import { demoUsage } from './demo-commands';
import { importUsage } from './import-command';
import { labelUsage } from './label-commands';
import { sourceUsage } from './source-commands';
import { watchUsage } from './sync-watch';
import { teamUsage } from './team-commands';

/** `kalm --help`: every command with its flags; the commands that have many keep their lines beside their code. */
export const usage = `Usage: kalm <command> [options]    (kalm --version prints the version)

Commands:
${demoUsage}
  reviews [options]         list reviews, lowest rating first, then oldest first
      --unanswered          only reviews without a reply
      --overdue             only reviews past their reply target (Settings: targets, business hours)
      --rating 1,2          only these star ratings
      --source ID           only this source (google, play, …)
      --location ID         only this location
      --json                machine-readable output
  stats [options]           average rating, reviews, unanswered, response rate, reply time and
                            overdue, overall, per location and per source, with the previous period
      --from D --to D       only reviews created in this period (dates in your time zone,
                            --to included; or ISO timestamps)
      --location ID         only this location
      --source ID           only this source
      --json                machine-readable output
  export --format csv|json [--out F] [filters]
                            reviews as CSV (UTF-8 with BOM, for Excel) or JSON, oldest first;
                            stdout without --out. Filters: --location ID, --source ID,
                            --rating 1,2, --status all|unanswered|answered|…, --from D --to D
  connect google [--no-open]
                            sign in to Google Business Profile: prints the consent URL,
                            waits for you in the browser, stores the grant, finds locations
  sync [--full] [--json]    fetch new and changed reviews of every connected source (Google
                            Business Profile, every followed Play app; --full: every Google page,
                            finds deleted reviews); one progress line per source on stderr;
                            --json: {locations, reviews, new, updated, deleted, sources: [{source,
                            …, error?}]}; exits 1 when a source failed (the others still sync)
  reply <id> --text "…" | --text-file F
                            queue a reply (offline; nothing is sent); exits 2 when the
                            reply is empty or over the limit
  unreply <id>              queue the removal of a posted reply
  drafts [--json]           list reply drafts
  outbox [--json]           list queued, failed and sent replies
  publish [--json]          send the queued replies (demo reviews are answered locally only);
                            exits 1 when a reply could not be sent
${sourceUsage}
${importUsage}
${teamUsage}
  check-reply --text-file F [--lang nl|en] [--source google|play|trustpilot|tripadvisor|facebook|kiyoh|import]
            [--rating N] [--json]
                            run the calm check and the source's length limit on a reply (exit 0 even
                            with findings; imported sites document no limit: "limit" is null);
                            --json: {"bytes","limit","findings":[{"rule",
                            "severity","start","end","message"}]}, offsets in characters
${labelUsage}
${watchUsage}
  doctor [--json]           check the data folder without changing it: unusable files,
                            files in quarantine/, the lock; exits 1 when something needs you
  --help                    show this help

Exit codes: 0 done, 1 failed, 2 wrong usage, 3 a read command (reviews, stats, export, labels,
rules) printed its output but some files could not be read, so it is incomplete.

Data folder: KALM_DATA_DIR (default: the app's user-data folder).`;
