/** `quire --help`: the command table of issue 6, plus the environment and exit codes. */
export const USAGE = `usage: quire <command> [flags]
  quire signal [--host 127.0.0.1] [--port 4444]        rendezvous server; prints "listening ws://HOST:PORT"
  quire init --home DIR                                new vault in DIR
  quire cell create --home DIR --name NAME --pseudonym P --signal URL [--signal URL...]
                                                       prints the new cell id
  quire cell horizon --home DIR --cell ID [--keep 7|14|30|90|issue]
                                                       coordinators: keep the cell's history that many days, or until
                                                       the next issue is printed (default 30)
  quire cell rotate --home DIR --cell ID                        coordinators: a new epoch key now (the history horizon's
                                                                 "Rotate now"); prints the new epoch
  quire cell comments --home DIR --cell ID [--readers on|off]
                                                       whether readers may comment; coordinators set it (off stops
                                                       readers' comments at the next key change: cell rotate)
  quire invite create --home DIR --cell ID [--role member|reader|coordinator|relay] [--expires 24h]
                                                       prints the invite code
  quire join --home DIR --code CODE --pseudonym P [--timeout 60] [--confirm-words "W1 ... W8"]
                                                       waits until admitted; prints the cell id. Shows the admitting
                                                       coordinator's safety words on stderr: they must equal
                                                       --confirm-words, else a terminal asks; a script without the
                                                       flag joins and says they were not compared
  quire serve --home DIR [--approve-all] [--for SECONDS]
                                                       online: syncs every cell; with --approve-all admits every valid join request
  quire draft write --home DIR --cell ID --title T [--file F]   text from F or stdin; creates or replaces; prints the draft id
  quire draft read --home DIR --cell ID --title T [--with-suggestions]
                                                                 prints the draft's text as an export would (open
                                                                 suggestions undecided); --with-suggestions shows them:
                                                                 {++added++}{>>who<<} {--deleted--}{>>who<<}
  quire comment add --home DIR --cell ID --title T --on QUOTE --text C
                                                                 comments on QUOTE; prints the id (readers too,
                                                                 where the cell lets them: cell comments)
  quire comment list --home DIR --cell ID --title T              threads and replies, verified authors
  quire suggest list --home DIR --cell ID --title T              open suggestions: ref, insert|delete, suggester, text
  quire suggest accept|reject --home DIR --cell ID --title T (--ref REF | --all)
                                                                 settles them as an ordinary edit; prints how many
  quire task add --home DIR --cell ID --title T [--assignee P]   prints the task id
  quire task list --home DIR --cell ID                           one line per task: id, status, assignee, title (tab-separated)
  quire member list --home DIR --cell ID                         one line per member: pseudonym, role (tab-separated)
  quire member remove --home DIR --cell ID --pseudonym P
  quire member rekey --home DIR --cell ID                        my device was out of my hands: new keys, the old
                                                                 signing key dropped; prints the new safety words
  quire sync --home DIR --cell ID [--timeout 60]                 connects, syncs until nothing new for 2 s and
                                                                 nothing of ours left to send, exits
  quire relay --home DIR [--code CODE] [--for SECONDS] [--forget-after 3600]
                                                                 blind relay; --code (a relay-role invite) the first time;
                                                                 acts on the members' forget notices after that many seconds
  quire vault duress set --home DIR --signal URL [--template reading-club|newsletter] [--language en|ru|uk]
                        [--destroy-real]                 QUIRE_DURESS_PASSPHRASE opens a new decoy home with a harmless
                                                       cell of its own (prints its id); --destroy-real: it also
                                                       destroys this home's key
The passphrase comes from the environment variable QUIRE_PASSPHRASE (never a flag); a duress
passphrase there opens the decoy home instead, and every command then works on the decoy.
Exit codes: 0 ok, 1 other failure, 2 usage, 3 wrong passphrase or not permitted, 4 timed out.`;
