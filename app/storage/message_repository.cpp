// message_repository.cpp: SQL for the messages table.
#include "app/storage/message_repository.h"

#include "app/storage/conversation_repository.h"
#include "app/storage/sql_values.h"

namespace lectern::storage {

namespace {

const QString kColumns = QStringLiteral(
    "id, conversation_id, position, role, content, reasoning, reasoning_ms, prompt_tokens, generated_tokens, "
    "tokens_per_second, finish_reason, created_at_ms");

Message messageFromRow(const QSqlQuery& q)
{
    Message m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.position = q.value(2).toInt();
    m.role = roleFromName(q.value(3).toString()).value_or(MessageRole::User);
    m.content = q.value(4).toString();
    m.reasoning = q.value(5).toString();
    m.reasoningMs = sql::optionalInt64(q.value(6));
    m.promptTokens = sql::optionalInt(q.value(7));
    m.generatedTokens = sql::optionalInt(q.value(8));
    m.tokensPerSecond = sql::optionalDouble(q.value(9));
    m.finishReason = finishReasonFromName(q.value(10).toString()).value_or(FinishReason::None);
    m.createdAt = sql::fromMs(q.value(11));
    return m;
}

QVariant finishValue(FinishReason reason)
{
    return reason == FinishReason::None ? QVariant() : QVariant(finishReasonName(reason));
}

}  // namespace

StorageResult<qint64> MessageRepository::append(const Message& message)
{
    qint64 id = 0;
    const qint64 created = sql::toMs(message.createdAt);
    StorageStatus status = m_connection.write([&]() -> StorageStatus {
        StorageResult<QVariant> exists = m_connection.scalar(
            QStringLiteral("SELECT count(*) FROM conversations WHERE id = ?"), {message.conversationId});
        if (!exists.ok())
            return exists.status();
        if (exists->toInt() == 0)
            return {StorageErrorCode::NotFound,
                    tr("There is no conversation with id %1 to add a message to.").arg(message.conversationId)};
        // The write lock is held, so max()+1 cannot race with another writer.
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("INSERT INTO messages (conversation_id, position, role, content, reasoning, "
                           "reasoning_ms, prompt_tokens, generated_tokens, tokens_per_second, finish_reason, "
                           "created_at_ms) VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM messages "
                           "WHERE conversation_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {message.conversationId, message.conversationId, roleName(message.role), sql::text(message.content), sql::text(message.reasoning),
             sql::optionalValue(message.reasoningMs), sql::optionalValue(message.promptTokens),
             sql::optionalValue(message.generatedTokens), sql::optionalValue(message.tokensPerSecond),
             finishValue(message.finishReason), created}));
        LECTERN_STORAGE_TRY(m_connection.readLastInsertId(id));
        return ConversationRepository(m_connection).touch(message.conversationId, sql::fromMs(created));
    });
    if (!status.ok())
        return status;
    return id;
}

StorageResult<Message> MessageRepository::get(qint64 id)
{
    StorageResult<QSqlQuery> q =
        m_connection.query(QStringLiteral("SELECT %1 FROM messages WHERE id = ?").arg(kColumns), {id});
    if (!q.ok())
        return q.status();
    if (!q->next())
        return StorageStatus(StorageErrorCode::NotFound, tr("There is no message with id %1.").arg(id));
    return messageFromRow(q.value());
}

StorageResult<QList<Message>> MessageRepository::listForConversation(qint64 conversationId)
{
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT %1 FROM messages WHERE conversation_id = ? ORDER BY position").arg(kColumns),
        {conversationId});
    if (!q.ok())
        return q.status();
    QList<Message> messages;
    while (q->next())
        messages.append(messageFromRow(q.value()));
    return messages;
}

StorageStatus MessageRepository::requireOneChange(qint64 id)
{
    StorageResult<int> changed = m_connection.changes();
    if (!changed.ok())
        return changed.status();
    if (changed.value() == 0)
        return {StorageErrorCode::NotFound, tr("There is no message with id %1.").arg(id)};
    return {};
}

StorageStatus MessageRepository::updateText(qint64 id, const QString& content, const QString& reasoning)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE messages SET content = ?, reasoning = ? WHERE id = ?"), {sql::text(content), sql::text(reasoning), id}));
        LECTERN_STORAGE_TRY(requireOneChange(id));
        return m_connection.exec(
            QStringLiteral("UPDATE conversations SET updated_at_ms = max(updated_at_ms, ?) "
                           "WHERE id = (SELECT conversation_id FROM messages WHERE id = ?)"),
            {sql::toMs({}), id});
    });
}

StorageStatus MessageRepository::finish(qint64 id, const GenerationStats& stats)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE messages SET finish_reason = ?, reasoning_ms = ?, prompt_tokens = ?, "
                           "generated_tokens = ?, tokens_per_second = ? WHERE id = ?"),
            {finishValue(stats.finishReason), sql::optionalValue(stats.reasoningMs),
             sql::optionalValue(stats.promptTokens), sql::optionalValue(stats.generatedTokens),
             sql::optionalValue(stats.tokensPerSecond), id}));
        return requireOneChange(id);
    });
}

StorageStatus MessageRepository::remove(qint64 id)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(QStringLiteral("DELETE FROM messages WHERE id = ?"), {id}));
        return requireOneChange(id);
    });
}

}  // namespace lectern::storage
