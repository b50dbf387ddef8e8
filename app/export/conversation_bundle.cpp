// conversation_bundle.cpp: gathers what a conversation export needs through the repositories.
#include "app/export/conversation_bundle.h"

#include <algorithm>

#include "app/storage/attachment_repository.h"
#include "app/storage/conversation_repository.h"
#include "app/storage/message_repository.h"

namespace lectern::exporting {

using storage::StorageResult;

namespace {

storage::StorageStatus load(storage::Connection& connection, const QList<qint64>& ids,
                            QList<ConversationBundle>& bundles)
{
    storage::ConversationRepository conversations(connection);
    storage::MessageRepository messages(connection);
    storage::AttachmentRepository attachments(connection);

    QList<qint64> wanted;
    if (ids.isEmpty()) {
        StorageResult<QList<storage::Conversation>> all = conversations.list();
        if (!all.ok())
            return all.status();
        for (const storage::Conversation& c : all.value())
            wanted.append(c.id);
        std::sort(wanted.begin(), wanted.end());
    } else {
        for (qint64 id : ids)
            if (!wanted.contains(id))
                wanted.append(id);
    }

    for (qint64 id : wanted) {
        ConversationBundle bundle;
        StorageResult<storage::Conversation> conversation = conversations.get(id);
        if (!conversation.ok())
            return conversation.status();
        bundle.conversation = conversation.value();
        StorageResult<QList<storage::Message>> list = messages.listForConversation(id);
        if (!list.ok())
            return list.status();
        bundle.messages = list.value();
        StorageResult<QList<storage::Attachment>> files = attachments.listForConversation(id);
        if (!files.ok())
            return files.status();
        bundle.attachments = files.value();
        bundles.append(bundle);
    }
    return {};
}

}  // namespace

StorageResult<QList<ConversationBundle>> loadConversations(storage::Connection& connection, const QList<qint64>& ids)
{
    QList<ConversationBundle> bundles;
    // One snapshot: a conversation being written meanwhile is exported either before or after the write.
    storage::StorageStatus status = connection.readSnapshot([&] { return load(connection, ids, bundles); });
    if (!status.ok())
        return status;
    return bundles;
}

}  // namespace lectern::exporting
