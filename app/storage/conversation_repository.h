// conversation_repository.h: create, read, update and delete conversations (the only SQL for that table).
#pragma once

#include <QCoreApplication>
#include <QList>

#include "app/storage/connection.h"
#include "app/storage/records.h"

namespace lectern::storage {

// All repositories work on a Connection owned by the caller's thread. Reads work on a reader or a
// writer; every write runs in a transaction (joining the caller's, if one is open via Connection::write).
class ConversationRepository {
    Q_DECLARE_TR_FUNCTIONS(ConversationRepository)

public:
    explicit ConversationRepository(Connection& connection) : m_connection(connection) {}

    // Inserts `conversation` (its id is ignored) and returns the new id. Invalid times mean now;
    // updatedAt defaults to createdAt.
    StorageResult<qint64> create(const Conversation& conversation);
    StorageResult<Conversation> get(qint64 id);
    // Newest activity first.
    StorageResult<QList<Conversation>> list();
    // Writes title, model, thinking and sampling of `conversation.id`; updatedAt becomes now (or the
    // given updatedAt if valid).
    StorageStatus update(const Conversation& conversation);
    StorageStatus rename(qint64 id, const QString& title);
    // Deletes the conversation with its messages and attachments (ON DELETE CASCADE). Extracted
    // records stay, losing their link to the message and file (ON DELETE SET NULL).
    StorageStatus remove(qint64 id);
    // Sets updated_at; used by the other repositories when a message changes.
    StorageStatus touch(qint64 id, const QDateTime& when = {});

private:
    Connection& m_connection;
};

}  // namespace lectern::storage
