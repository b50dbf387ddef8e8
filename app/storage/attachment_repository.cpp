// attachment_repository.cpp: SQL for the attachments table.
#include "app/storage/attachment_repository.h"

#include <QDir>
#include <QRegularExpression>

#include "app/storage/conversation_repository.h"
#include "app/storage/sql_values.h"

namespace lectern::storage {

namespace {

const QString kColumns = QStringLiteral(
    "id, conversation_id, message_id, original_path, sha256, kind, page_count, frame_count, extracted_text, "
    "cache_key, created_at_ms");

Attachment attachmentFromRow(const QSqlQuery& q)
{
    Attachment a;
    a.id = q.value(0).toLongLong();
    a.conversationId = q.value(1).toLongLong();
    a.messageId = sql::optionalInt64(q.value(2));
    a.originalPath = q.value(3).toString();
    a.sha256 = q.value(4).toString();
    a.kind = q.value(5).toString();
    a.pageCount = sql::optionalInt(q.value(6));
    a.frameCount = sql::optionalInt(q.value(7));
    a.extractedText = sql::optionalString(q.value(8));
    a.cacheKey = q.value(9).toString();
    a.createdAt = sql::fromMs(q.value(10));
    return a;
}

}  // namespace

StorageResult<qint64> AttachmentRepository::add(const Attachment& attachment)
{
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
    if (attachment.originalPath.isEmpty())
        return StorageStatus(StorageErrorCode::InvalidArgument, tr("An attachment needs its original file path."));
    if (!hex64.match(attachment.sha256).hasMatch())
        return StorageStatus(StorageErrorCode::InvalidArgument,
                             tr("The attachment's SHA-256 must be 64 lower-case hex digits, not '%1'.")
                                 .arg(attachment.sha256));
    if (attachment.kind.isEmpty())
        return StorageStatus(StorageErrorCode::InvalidArgument, tr("An attachment needs a kind (pdf, image, ...)."));
    if (!attachment.cacheKey.isEmpty()
        && (QDir::isAbsolutePath(attachment.cacheKey) || attachment.cacheKey.split(QLatin1Char('/')).contains(QStringLiteral(".."))))
        return StorageStatus(StorageErrorCode::InvalidArgument,
                             tr("The cache key '%1' must be relative to the cache folder and stay inside it.")
                                 .arg(attachment.cacheKey));
    qint64 id = 0;
    const qint64 created = sql::toMs(attachment.createdAt);
    StorageStatus status = m_connection.write([&]() -> StorageStatus {
        StorageStatus inserted = m_connection.exec(
            QStringLiteral("INSERT INTO attachments (conversation_id, message_id, original_path, sha256, kind, "
                           "page_count, frame_count, extracted_text, cache_key, created_at_ms) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {attachment.conversationId, sql::optionalValue(attachment.messageId), attachment.originalPath,
             attachment.sha256, attachment.kind, sql::optionalValue(attachment.pageCount),
             sql::optionalValue(attachment.frameCount), sql::optionalValue(attachment.extractedText),
             attachment.cacheKey.isEmpty() ? QVariant() : QVariant(attachment.cacheKey), created});
        if (inserted.code() == StorageErrorCode::InvalidArgument)  // a foreign key refused it
            return {StorageErrorCode::NotFound,
                    tr("Cannot attach %1: conversation %2 or its message does not exist (%3).")
                        .arg(attachment.originalPath)
                        .arg(attachment.conversationId)
                        .arg(inserted.message())};
        LECTERN_STORAGE_TRY(inserted);
        LECTERN_STORAGE_TRY(m_connection.readLastInsertId(id));
        return ConversationRepository(m_connection).touch(attachment.conversationId, sql::fromMs(created));
    });
    if (!status.ok())
        return status;
    return id;
}

StorageResult<Attachment> AttachmentRepository::get(qint64 id)
{
    StorageResult<QSqlQuery> q =
        m_connection.query(QStringLiteral("SELECT %1 FROM attachments WHERE id = ?").arg(kColumns), {id});
    if (!q.ok())
        return q.status();
    if (!q->next())
        return StorageStatus(StorageErrorCode::NotFound, tr("There is no attachment with id %1.").arg(id));
    return attachmentFromRow(q.value());
}

StorageResult<QList<Attachment>> AttachmentRepository::listWhere(const QString& condition, const QVariant& value)
{
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT %1 FROM attachments WHERE %2").arg(kColumns, condition), {value});
    if (!q.ok())
        return q.status();
    QList<Attachment> attachments;
    while (q->next())
        attachments.append(attachmentFromRow(q.value()));
    return attachments;
}

StorageResult<QList<Attachment>> AttachmentRepository::listForConversation(qint64 conversationId)
{
    return listWhere(QStringLiteral("conversation_id = ? ORDER BY id"), conversationId);
}

StorageResult<QList<Attachment>> AttachmentRepository::listForMessage(qint64 messageId)
{
    return listWhere(QStringLiteral("message_id = ? ORDER BY id"), messageId);
}

StorageResult<QList<Attachment>> AttachmentRepository::findBySha256(const QString& sha256)
{
    return listWhere(QStringLiteral("sha256 = ? ORDER BY created_at_ms DESC, id DESC"), sha256);
}

StorageStatus AttachmentRepository::setExtractedText(qint64 id, const QString& text)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE attachments SET extracted_text = ? WHERE id = ?"), {sql::text(text), id}));
        StorageResult<int> changed = m_connection.changes();
        if (!changed.ok())
            return changed.status();
        if (changed.value() == 0)
            return {StorageErrorCode::NotFound, tr("There is no attachment with id %1.").arg(id)};
        return {};
    });
}

StorageStatus AttachmentRepository::remove(qint64 id)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(QStringLiteral("DELETE FROM attachments WHERE id = ?"), {id}));
        StorageResult<int> changed = m_connection.changes();
        if (!changed.ok())
            return changed.status();
        if (changed.value() == 0)
            return {StorageErrorCode::NotFound, tr("There is no attachment with id %1.").arg(id)};
        return {};
    });
}

}  // namespace lectern::storage
