// attachment_repository.h: files attached to conversations (the only SQL for the attachments table).
#pragma once

#include <QCoreApplication>
#include <QList>

#include "app/storage/connection.h"
#include "app/storage/records.h"

namespace lectern::storage {

// Only metadata and extracted text live in the database. Rendered pages and video frames stay in the
// cache folder under Attachment::cacheKey (a relative key, so the cache folder can move).
class AttachmentRepository {
    Q_DECLARE_TR_FUNCTIONS(AttachmentRepository)

public:
    explicit AttachmentRepository(Connection& connection) : m_connection(connection) {}

    // Validates (non-empty path and kind, 64 hex digit sha256, cache key relative and inside the cache) and
    // inserts; returns the new id.
    StorageResult<qint64> add(const Attachment& attachment);
    StorageResult<Attachment> get(qint64 id);
    StorageResult<QList<Attachment>> listForConversation(qint64 conversationId);
    StorageResult<QList<Attachment>> listForMessage(qint64 messageId);
    // Earlier imports of the same bytes, newest first: lets importers reuse cached pages and text.
    StorageResult<QList<Attachment>> findBySha256(const QString& sha256);
    StorageStatus setExtractedText(qint64 id, const QString& text);
    StorageStatus remove(qint64 id);

private:
    StorageResult<QList<Attachment>> listWhere(const QString& condition, const QVariant& value);

    Connection& m_connection;
};

}  // namespace lectern::storage
