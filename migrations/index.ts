import type { Knex } from 'knex';
import * as engine001 from './001_engine.js';
import * as platform002 from './002_platform.js';
import * as platform003 from './003_platform_materials.js';
import * as engine004 from './004_engine_write_path.js';
import * as engine005 from './005_outbox_claims.js';
import * as engine006 from './006_start_timers_messages.js';
import * as engine007 from './007_outbox_done_rows.js';
import * as engine008 from './008_item_ids.js';
import * as platform009 from './009_platform_calendar.js';
import * as platform010 from './010_platform_agency.js';
import * as platform011 from './011_platform_counters.js';
import * as platform012 from './012_platform_authorities.js';
import * as platform013 from './013_platform_intake_drafts.js';
import * as platform014 from './014_platform_task_ids.js';
import * as platform015 from './015_platform_open_tasks.js';
import * as platform016 from './016_platform_one_pending_extension.js';
import * as platform017 from './017_platform_extension_approver.js';
import * as platform020 from './020_platform_idempotency_keys.js';
import * as platform021 from './021_platform_intake_keys.js';
import * as platform025 from './025_platform_accounts.js';
import * as platform026 from './026_platform_tracking_codes.js';
import * as platform030 from './030_platform_inbox_views.js';
import * as platform035 from './035_platform_process_ownership.js';
import * as engine045 from './045_history_seals.js';
import * as platform055 from './055_platform_process_forms.js';
import * as platform058 from './058_platform_stream_tickets.js';
import * as platform059 from './059_platform_inbox_order.js';
import * as platform060 from './060_platform_case_log_once.js';

/**
 * Every migration, in order, in two sets: the engine's (run by its store, so an embedder
 * gets only engine tables) and the case server's. Numbered and append-only: a released
 * migration is never edited; a change is a new file added at the end. Listed in code, not
 * read from the folder, so the same list runs under tsx, jest and a build.
 */
type Migration = [string, Knex.Migration];

const engine: readonly Migration[] = [['001_engine', engine001], ['004_engine_write_path', engine004], ['005_outbox_claims', engine005], ['006_start_timers_messages', engine006], ['007_outbox_done_rows', engine007], ['008_item_ids', engine008],
  ['045_history_seals', engine045]];
const platform: readonly Migration[] = [
  ['002_platform', platform002], ['003_platform_materials', platform003], ['009_platform_calendar', platform009],
  ['010_platform_agency', platform010], ['011_platform_counters', platform011], ['012_platform_authorities', platform012],
  ['013_platform_intake_drafts', platform013], ['014_platform_task_ids', platform014], ['015_platform_open_tasks', platform015],
  ['016_platform_one_pending_extension', platform016], ['017_platform_extension_approver', platform017],
  ['020_platform_idempotency_keys', platform020], ['021_platform_intake_keys', platform021], ['025_platform_accounts', platform025],
  ['026_platform_tracking_codes', platform026], ['030_platform_inbox_views', platform030], ['035_platform_process_ownership', platform035],
  ['055_platform_process_forms', platform055], ['058_platform_stream_tickets', platform058], ['059_platform_inbox_order', platform059],
  ['060_platform_case_log_once', platform060],
];

function source(list: readonly Migration[]): Knex.MigrationSource<Migration> {
  return {
    getMigrations: async () => [...list],
    getMigrationName: ([name]) => name,
    getMigration: async ([, migration]) => migration,
  };
}

export const migrationSource = source(engine);
export const platformMigrationSource = source(platform);
