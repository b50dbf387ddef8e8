// schema.cpp: the SQL of every schema version. Never edit a released step; append a new one.
//
// Times are INTEGER milliseconds since the Unix epoch (UTC). JSON is stored as TEXT exactly as given,
// so key order survives (exports depend on it). Large binaries (rendered pages, frames) never enter
// the database: attachments keep a relative key into the cache folder.
#include "app/storage/schema.h"

namespace lectern::storage {

namespace {

// v1: the chat schema: conversations, their messages, and attached files.
MigrationStep version1()
{
    return {1, QStringLiteral("conversations, messages, attachments"), {
        QStringLiteral(R"sql(
CREATE TABLE conversations (
    id             INTEGER PRIMARY KEY,
    title          TEXT    NOT NULL DEFAULT '',
    created_at_ms  INTEGER NOT NULL,
    updated_at_ms  INTEGER NOT NULL,
    model          TEXT    NOT NULL DEFAULT '',
    thinking       INTEGER NOT NULL DEFAULT 0 CHECK (thinking IN (0, 1)),
    sampling_json  TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(sampling_json))
))sql"),
        QStringLiteral("CREATE INDEX conversations_by_update ON conversations (updated_at_ms DESC, id DESC)"),
        QStringLiteral(R"sql(
CREATE TABLE messages (
    id               INTEGER PRIMARY KEY,
    conversation_id  INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    role             TEXT    NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    content          TEXT    NOT NULL DEFAULT '',
    reasoning        TEXT    NOT NULL DEFAULT '',
    prompt_tokens    INTEGER,
    generated_tokens INTEGER,
    finish_reason    TEXT CHECK (finish_reason IN ('stop', 'length', 'cancelled', 'error')),
    created_at_ms    INTEGER NOT NULL,
    UNIQUE (conversation_id, position)
))sql"),
        QStringLiteral(R"sql(
CREATE TABLE attachments (
    id               INTEGER PRIMARY KEY,
    conversation_id  INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    message_id       INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    original_path    TEXT    NOT NULL,
    sha256           TEXT    NOT NULL CHECK (length(sha256) = 64),
    kind             TEXT    NOT NULL,
    page_count       INTEGER,
    frame_count      INTEGER,
    extracted_text   TEXT,
    cache_key        TEXT,
    created_at_ms    INTEGER NOT NULL
))sql"),
        QStringLiteral("CREATE INDEX attachments_by_conversation ON attachments (conversation_id)"),
        QStringLiteral("CREATE INDEX attachments_by_message ON attachments (message_id)"),
        QStringLiteral("CREATE INDEX attachments_by_sha256 ON attachments (sha256)"),
    }};
}

// v2: documents to data and search: message timing, extraction schemas and records, FTS5 indexes.
MigrationStep version2()
{
    return {2, QStringLiteral("message timing, extractions, full-text search"), {
        QStringLiteral("ALTER TABLE messages ADD COLUMN reasoning_ms INTEGER"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN tokens_per_second REAL"),
        QStringLiteral(R"sql(
CREATE TABLE extraction_schemas (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL,
    schema_json    TEXT    NOT NULL CHECK (json_valid(schema_json)),
    created_at_ms  INTEGER NOT NULL
))sql"),
        // Records outlive the chat and the file they came from (SET NULL): extracted data is the
        // user's; a schema with records cannot be deleted (RESTRICT).
        QStringLiteral(R"sql(
CREATE TABLE extractions (
    id                 INTEGER PRIMARY KEY,
    schema_id          INTEGER NOT NULL REFERENCES extraction_schemas (id) ON DELETE RESTRICT,
    record_json        TEXT    NOT NULL CHECK (json_valid(record_json)),
    validation         TEXT    NOT NULL CHECK (validation IN ('unchecked', 'valid', 'invalid')),
    validation_errors  TEXT    NOT NULL DEFAULT '',
    attachment_id      INTEGER REFERENCES attachments (id) ON DELETE SET NULL,
    page               INTEGER,
    message_id         INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    created_at_ms      INTEGER NOT NULL
))sql"),
        QStringLiteral("CREATE INDEX extractions_by_schema ON extractions (schema_id)"),
        QStringLiteral("CREATE INDEX extractions_by_attachment ON extractions (attachment_id)"),
        QStringLiteral("CREATE INDEX extractions_by_message ON extractions (message_id)"),

        // Message search: an external-content FTS5 table over messages(content, reasoning), so the
        // text is stored once; triggers keep it in step (also for ON DELETE CASCADE deletions).
        // remove_diacritics 2: "cafe" finds "café".
        QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(content, reasoning, content='messages', "
                       "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"),
        QStringLiteral(R"sql(
CREATE TRIGGER messages_fts_after_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, content, reasoning) VALUES (new.id, new.content, new.reasoning);
END)sql"),
        QStringLiteral(R"sql(
CREATE TRIGGER messages_fts_after_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, content, reasoning)
        VALUES ('delete', old.id, old.content, old.reasoning);
END)sql"),
        QStringLiteral(R"sql(
CREATE TRIGGER messages_fts_after_update AFTER UPDATE OF content, reasoning ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, content, reasoning)
        VALUES ('delete', old.id, old.content, old.reasoning);
    INSERT INTO messages_fts (rowid, content, reasoning) VALUES (new.id, new.content, new.reasoning);
END)sql"),
        // Messages written under v1 become searchable.
        QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"),

        // Extraction search indexes the leaf values of each record (strings and numbers; not keys, booleans
        // or JSON punctuation), one value per line, computed by json_tree in the triggers.
        QStringLiteral("CREATE VIRTUAL TABLE extractions_fts USING fts5(record_values, "
                       "tokenize='unicode61 remove_diacritics 2')"),
        QStringLiteral(R"sql(
CREATE TRIGGER extractions_fts_after_insert AFTER INSERT ON extractions BEGIN
    INSERT INTO extractions_fts (rowid, record_values)
        SELECT new.id, coalesce(group_concat(value, char(10)), '') FROM json_tree(new.record_json)
        WHERE type IN ('text', 'integer', 'real');
END)sql"),
        QStringLiteral(R"sql(
CREATE TRIGGER extractions_fts_after_delete AFTER DELETE ON extractions BEGIN
    DELETE FROM extractions_fts WHERE rowid = old.id;
END)sql"),
        QStringLiteral(R"sql(
CREATE TRIGGER extractions_fts_after_update AFTER UPDATE OF record_json ON extractions BEGIN
    DELETE FROM extractions_fts WHERE rowid = old.id;
    INSERT INTO extractions_fts (rowid, record_values)
        SELECT new.id, coalesce(group_concat(value, char(10)), '') FROM json_tree(new.record_json)
        WHERE type IN ('text', 'integer', 'real');
END)sql"),
    }};
}

// v3: extraction batches: a persistent queue of files to extract (survives restarts), and records that
// point at the job (source file and page) they came from and say whether the user edited them.
MigrationStep version3()
{
    return {3, QStringLiteral("extraction jobs"), {
        QStringLiteral(R"sql(
CREATE TABLE extraction_jobs (
    id             INTEGER PRIMARY KEY,
    schema_id      INTEGER NOT NULL REFERENCES extraction_schemas (id) ON DELETE RESTRICT,
    source_path    TEXT    NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    error          TEXT    NOT NULL DEFAULT '',
    record_count   INTEGER NOT NULL DEFAULT 0,
    created_at_ms  INTEGER NOT NULL,
    updated_at_ms  INTEGER NOT NULL
))sql"),
        QStringLiteral("CREATE INDEX extraction_jobs_by_state ON extraction_jobs (state, id)"),
        QStringLiteral("ALTER TABLE extractions ADD COLUMN job_id INTEGER REFERENCES extraction_jobs (id) "
                       "ON DELETE SET NULL"),
        QStringLiteral("CREATE INDEX extractions_by_job ON extractions (job_id)"),
        // When the user last changed the record by hand in the results table (null: as extracted).
        QStringLiteral("ALTER TABLE extractions ADD COLUMN edited_at_ms INTEGER"),
    }};
}

}  // namespace

const QList<MigrationStep>& migrationSteps()
{
    static const QList<MigrationStep> steps = {version1(), version2(), version3()};
    static_assert(kSchemaVersion == 3, "append a MigrationStep when bumping kSchemaVersion");
    return steps;
}

}  // namespace lectern::storage
