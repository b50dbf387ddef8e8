// conversation_repository.cpp: SQL for the conversations table.
#include "app/storage/conversation_repository.h"

#include <QJsonDocument>

#include "app/storage/sql_values.h"

namespace lectern::storage {

namespace {

const QString kColumns = QStringLiteral(
    "id, title, created_at_ms, updated_at_ms, model, thinking, sampling_json");

Conversation conversationFromRow(const QSqlQuery& q)
{
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.createdAt = sql::fromMs(q.value(2));
    c.updatedAt = sql::fromMs(q.value(3));
    c.model = q.value(4).toString();
    c.thinking = q.value(5).toInt() != 0;
    c.sampling = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    return c;
}

QString samplingText(const QJsonObject& sampling)
{
    return QString::fromUtf8(QJsonDocument(sampling).toJson(QJsonDocument::Compact));
}

}  // namespace

StorageResult<qint64> ConversationRepository::create(const Conversation& conversation)
{
    qint64 id = 0;
    const qint64 created = sql::toMs(conversation.createdAt);
    const qint64 updated = conversation.updatedAt.isValid() ? sql::toMs(conversation.updatedAt) : created;
    StorageStatus status = m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("INSERT INTO conversations (title, created_at_ms, updated_at_ms, model, thinking, "
                           "sampling_json) VALUES (?, ?, ?, ?, ?, ?)"),
            {sql::text(conversation.title), created, updated, sql::text(conversation.model), conversation.thinking ? 1 : 0,
             samplingText(conversation.sampling)}));
        LECTERN_STORAGE_TRY(m_connection.readLastInsertId(id));
        return {};
    });
    if (!status.ok())
        return status;
    return id;
}

StorageResult<Conversation> ConversationRepository::get(qint64 id)
{
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT %1 FROM conversations WHERE id = ?").arg(kColumns), {id});
    if (!q.ok())
        return q.status();
    if (!q->next())
        return StorageStatus(StorageErrorCode::NotFound, tr("There is no conversation with id %1.").arg(id));
    return conversationFromRow(q.value());
}

StorageResult<QList<Conversation>> ConversationRepository::list()
{
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT %1 FROM conversations ORDER BY updated_at_ms DESC, id DESC").arg(kColumns));
    if (!q.ok())
        return q.status();
    QList<Conversation> conversations;
    while (q->next())
        conversations.append(conversationFromRow(q.value()));
    return conversations;
}

StorageStatus ConversationRepository::update(const Conversation& conversation)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE conversations SET title = ?, model = ?, thinking = ?, sampling_json = ?, "
                           "updated_at_ms = ? WHERE id = ?"),
            {sql::text(conversation.title), sql::text(conversation.model), conversation.thinking ? 1 : 0,
             samplingText(conversation.sampling), sql::toMs(conversation.updatedAt), conversation.id}));
        StorageResult<int> changed = m_connection.changes();
        if (!changed.ok())
            return changed.status();
        if (changed.value() == 0)
            return {StorageErrorCode::NotFound, tr("There is no conversation with id %1.").arg(conversation.id)};
        return {};
    });
}

StorageStatus ConversationRepository::rename(qint64 id, const QString& title)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE conversations SET title = ?, updated_at_ms = ? WHERE id = ?"),
            {sql::text(title), sql::toMs({}), id}));
        StorageResult<int> changed = m_connection.changes();
        if (!changed.ok())
            return changed.status();
        if (changed.value() == 0)
            return {StorageErrorCode::NotFound, tr("There is no conversation with id %1.").arg(id)};
        return {};
    });
}

StorageStatus ConversationRepository::remove(qint64 id)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(QStringLiteral("DELETE FROM conversations WHERE id = ?"), {id}));
        StorageResult<int> changed = m_connection.changes();
        if (!changed.ok())
            return changed.status();
        if (changed.value() == 0)
            return {StorageErrorCode::NotFound, tr("There is no conversation with id %1.").arg(id)};
        return {};
    });
}

StorageStatus ConversationRepository::touch(qint64 id, const QDateTime& when)
{
    return m_connection.write([&]() -> StorageStatus {
        return m_connection.exec(QStringLiteral("UPDATE conversations SET updated_at_ms = max(updated_at_ms, ?) "
                                                "WHERE id = ?"),
                                 {sql::toMs(when), id});
    });
}

}  // namespace lectern::storage
