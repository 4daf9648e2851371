/**
 * The schema, one entry per version for both backends, applied in order at start-up and each
 * once: schema_migrations records the versions (not the text). Never edit a released one: add one.
 */
export interface Migration { version: number; description: string; sqlite: string; postgres: string }

/**
 * SQLite's spelling of the shared SQL, written as PostgreSQL's: INTEGER for milliseconds and
 * booleans, TEXT for JSON (no cast), no IF NOT EXISTS for a column (each migration runs once).
 */
const SQLITE_SPELLING: [RegExp, string][] = [
  [/\bBIGSERIAL PRIMARY KEY\b/g, 'INTEGER PRIMARY KEY AUTOINCREMENT'],
  [/\b(BIGINT|BOOLEAN)\b/g, 'INTEGER'],
  [/\bJSONB\b/g, 'TEXT'],
  [/\bADD COLUMN IF NOT EXISTS\b/g, 'ADD COLUMN'],
  [/::jsonb\b/g, ''],
];

/** A migration whose SQL both dialects share. */
const both = (version: number, description: string, postgres: string): Migration => ({
  version, description, postgres, sqlite: SQLITE_SPELLING.reduce((sql, [from, to]) => sql.replace(from, to), postgres),
});

/** A migration for one dialect only; the other records the version and does nothing. */
const only = (dialect: 'sqlite' | 'postgres', version: number, description: string, sql: string): Migration => ({
  version, description, sqlite: 'SELECT 1;', postgres: 'SELECT 1;', [dialect]: sql,
});

/** SQLite's bot_state made anew (`suffix` after its columns), its rows kept: versions 5 and 6. */
const rebuildBotState = (version: number, suffix: string): string => `CREATE TABLE bot_state_v${version} (key TEXT PRIMARY KEY, etag TEXT NOT NULL, data TEXT NOT NULL, updated_at INTEGER NOT NULL)${suffix};
    INSERT INTO bot_state_v${version} (key, etag, data, updated_at) SELECT key, etag, data, updated_at FROM bot_state;
    DROP TABLE bot_state;
    ALTER TABLE bot_state_v${version} RENAME TO bot_state;`;

export const MIGRATIONS: Migration[] = [
  both(1, 'bot state (botbuilder Storage)', `CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, data JSONB NOT NULL, updated_at BIGINT NOT NULL);
    CREATE INDEX IF NOT EXISTS bot_state_updated ON bot_state(updated_at);`),
  both(2, 'bookings, one confirmed booking per slot', `CREATE TABLE IF NOT EXISTS bookings (
      reference TEXT PRIMARY KEY, status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
      location_id TEXT NOT NULL, appointment_type_id TEXT NOT NULL, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,
      user_key TEXT NOT NULL, channel TEXT NOT NULL, locale TEXT NOT NULL, details JSONB NOT NULL,
      created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, last_event TEXT NOT NULL);
    CREATE UNIQUE INDEX IF NOT EXISTS bookings_one_per_slot ON bookings(location_id, starts_at) WHERE status = 'confirmed';
    CREATE INDEX IF NOT EXISTS bookings_user ON bookings(user_key);
    CREATE INDEX IF NOT EXISTS bookings_updated ON bookings(updated_at);`),
  both(3, 'handoff tickets with their transcript', `CREATE TABLE IF NOT EXISTS handoff_tickets (
      id TEXT PRIMARY KEY, status TEXT NOT NULL, conversation_id TEXT NOT NULL, data JSONB NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
    CREATE INDEX IF NOT EXISTS handoff_open ON handoff_tickets(conversation_id, status);
    CREATE INDEX IF NOT EXISTS handoff_status ON handoff_tickets(status, created_at);`),
  both(4, 'content curation: unanswered questions, answer feedback, opt-in transcripts', `CREATE TABLE IF NOT EXISTS unanswered_questions (id BIGSERIAL PRIMARY KEY, text TEXT NOT NULL, locale TEXT NOT NULL, created_at BIGINT NOT NULL);
    CREATE TABLE IF NOT EXISTS answer_feedback (id BIGSERIAL PRIMARY KEY, topic TEXT NOT NULL, locale TEXT NOT NULL, helpful BOOLEAN NOT NULL, created_at BIGINT NOT NULL);
    CREATE TABLE IF NOT EXISTS transcripts (id BIGSERIAL PRIMARY KEY, conversation_id TEXT NOT NULL, lines JSONB NOT NULL, created_at BIGINT NOT NULL);
    CREATE INDEX IF NOT EXISTS transcripts_conversation ON transcripts(conversation_id);`),
  // Moving every turn's row in the updated_at index was over half the write (41 → 18 µs); hourly
  // retention scans instead. WITHOUT ROWID finds a row in one b-tree, not two. PostgreSQL keeps
  // its index: it serves larger tables, and its writes block no turn.
  only('sqlite', 5, 'SQLite bot_state without a rowid and without the updated_at index', rebuildBotState(5, ' WITHOUT ROWID')),
  // WITHOUT ROWID suits rows under ~1/20 of a page; a booking's dialog stack makes ~1 KB: with
  // those, read/write took 9.4/23.6 µs without a rowid, 5.5/14.6 µs with one (150 B rows: equal).
  only('sqlite', 6, 'SQLite bot_state with a rowid again, still without the updated_at index', rebuildBotState(6, '')),
  // Several therapists work at one location at the same time: the slot is theirs, not the
  // location's. Bookings without a therapist (the built-in agenda) keep one per location.
  both(7, "bookings in a therapist's agenda: the therapist and the calendar event; one booking per therapist per slot", `ALTER TABLE bookings ADD COLUMN IF NOT EXISTS therapist_id TEXT;
    ALTER TABLE bookings ADD COLUMN IF NOT EXISTS agenda_event JSONB;
    DROP INDEX IF EXISTS bookings_one_per_slot;
    CREATE UNIQUE INDEX bookings_one_per_slot ON bookings(location_id, starts_at, COALESCE(therapist_id, '')) WHERE status = 'confirmed';`),
  // Versions 8, 9 and 11: one SQLite file serves one process, which keeps these in its memory.
  only('postgres', 8, 'web chat (Direct Line) conversations and activities, and shared settings, for several instances on PostgreSQL', `CREATE TABLE IF NOT EXISTS directline_conversations (
      id TEXT PRIMARY KEY, user_id TEXT NOT NULL, locale TEXT NOT NULL, next_seq BIGINT NOT NULL, last_seen BIGINT NOT NULL);
    CREATE INDEX IF NOT EXISTS directline_conversations_seen ON directline_conversations(last_seen);
    CREATE TABLE IF NOT EXISTS directline_activities (
      conversation_id TEXT NOT NULL REFERENCES directline_conversations(id) ON DELETE CASCADE, seq BIGINT NOT NULL, activity JSONB NOT NULL,
      PRIMARY KEY (conversation_id, seq));
    CREATE TABLE IF NOT EXISTS app_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);`),
  only('postgres', 9, 'WhatsApp message ids already handled, shared by the instances on PostgreSQL', `CREATE TABLE IF NOT EXISTS whatsapp_message_ids (id TEXT PRIMARY KEY, seen_at BIGINT NOT NULL);
    CREATE INDEX IF NOT EXISTS whatsapp_message_ids_seen ON whatsapp_message_ids(seen_at);`),
  // Cancelling now forgets the patient, keeping only the slot and its history: so for earlier ones too.
  both(10, 'cancelled bookings keep no personal data', `UPDATE bookings SET details = '{}'::jsonb, user_key = '', agenda_event = NULL WHERE status = 'cancelled';`),
  only('postgres', 11, 'console sessions, open live queues and recent conversation lines, shared by the instances on PostgreSQL', `CREATE TABLE IF NOT EXISTS console_sessions (token_hash TEXT PRIMARY KEY, user_name TEXT NOT NULL, expires_at BIGINT NOT NULL);
    CREATE TABLE IF NOT EXISTS staff_presence (id TEXT PRIMARY KEY, seen_at BIGINT NOT NULL);
    CREATE TABLE IF NOT EXISTS recent_turns (conversation_id TEXT PRIMARY KEY, lines JSONB NOT NULL, updated_at BIGINT NOT NULL);
    CREATE INDEX IF NOT EXISTS recent_turns_updated ON recent_turns(updated_at);`),
  // A message id carries the sender's number: only keyed hashes are kept now. Forgetting the plain
  // ones means a redelivery during the upgrade may be answered twice, once.
  only('postgres', 12, 'WhatsApp message ids kept only as keyed hashes: the plain ones stored before go', 'DELETE FROM whatsapp_message_ids;'),
];
