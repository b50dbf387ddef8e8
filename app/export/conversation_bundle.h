// conversation_bundle.h: a conversation with its messages and attachments, loaded for export.
#pragma once

#include <QList>

#include "app/storage/connection.h"
#include "app/storage/records.h"

namespace lectern::exporting {

struct ConversationBundle {
    storage::Conversation conversation;
    QList<storage::Message> messages;        // position order
    QList<storage::Attachment> attachments;  // id order; messageId says which message each came with
};

// Loads the given conversations in the given order (duplicates removed), or all of them, oldest id
// first, when `ids` is empty. NotFound names the first id that does not exist. Reads only.
storage::StorageResult<QList<ConversationBundle>> loadConversations(storage::Connection& connection,
                                                                    const QList<qint64>& ids);

}  // namespace lectern::exporting
