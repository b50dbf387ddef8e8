// message_repository.h: append, read, stream-update and finish messages (the only SQL for that table).
#pragma once

#include <QCoreApplication>
#include <QList>

#include "app/storage/connection.h"
#include "app/storage/records.h"

namespace lectern::storage {

class MessageRepository {
    Q_DECLARE_TR_FUNCTIONS(MessageRepository)

public:
    explicit MessageRepository(Connection& connection) : m_connection(connection) {}

    // Appends `message` to its conversation at the next position and returns the new id (id and
    // position are ignored). Bumps the conversation's updatedAt. NotFound if the conversation is gone.
    StorageResult<qint64> append(const Message& message);
    StorageResult<Message> get(qint64 id);
    // In position order.
    StorageResult<QList<Message>> listForConversation(qint64 conversationId);
    // Replaces the text of a message (used while streaming; see StreamingMessageWriter).
    StorageStatus updateText(qint64 id, const QString& content, const QString& reasoning);
    // Records how generation ended, with its statistics.
    StorageStatus finish(qint64 id, const GenerationStats& stats);
    StorageStatus remove(qint64 id);

private:
    StorageStatus requireOneChange(qint64 id);

    Connection& m_connection;
};

}  // namespace lectern::storage
