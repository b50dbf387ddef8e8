// streaming_message_writer.cpp: periodic commits of a streamed assistant message.
#include "app/storage/streaming_message_writer.h"

#include "app/storage/message_repository.h"

namespace lectern::storage {

StreamingMessageWriter::StreamingMessageWriter(Connection& writer, Policy policy)
    : m_writer(writer), m_policy(policy)
{
}

bool StreamingMessageWriter::hasPending() const
{
    return m_content.size() != m_committed.contentLength || m_reasoning.size() != m_committed.reasoningLength;
}

StorageResult<qint64> StreamingMessageWriter::begin(qint64 conversationId, const QDateTime& createdAt)
{
    if (m_messageId != 0)
        return StorageStatus(StorageErrorCode::InvalidArgument,
                             QStringLiteral("StreamingMessageWriter::begin called twice; use one writer per answer"));
    Message message;
    message.conversationId = conversationId;
    message.role = MessageRole::Assistant;
    message.createdAt = createdAt;
    StorageResult<qint64> id = MessageRepository(m_writer).append(message);
    if (!id.ok())
        return id.status();
    m_messageId = id.value();
    m_committed = Commit{m_messageId, 0, 0, false};
    m_sinceCommit.start();
    if (m_onCommit)
        m_onCommit(m_committed);
    return m_messageId;
}

StorageStatus StreamingMessageWriter::append(QString& target, const QString& delta)
{
    if (m_messageId == 0 || m_finished)
        return {StorageErrorCode::InvalidArgument,
                QStringLiteral("StreamingMessageWriter: text appended %1")
                    .arg(m_finished ? QStringLiteral("after finish()") : QStringLiteral("before begin()"))};
    target += delta;
    const qsizetype pending = (m_content.size() - m_committed.contentLength)
                              + (m_reasoning.size() - m_committed.reasoningLength);
    if (m_sinceCommit.elapsed() >= m_policy.commitIntervalMs || pending >= m_policy.maxPendingChars)
        return commit(nullptr);
    return {};
}

StorageStatus StreamingMessageWriter::appendContent(const QString& delta)
{
    return append(m_content, delta);
}

StorageStatus StreamingMessageWriter::appendReasoning(const QString& delta)
{
    return append(m_reasoning, delta);
}

StorageStatus StreamingMessageWriter::flush()
{
    if (m_messageId == 0 || m_finished || !hasPending())
        return {};
    return commit(nullptr);
}

StorageStatus StreamingMessageWriter::finish(const GenerationStats& stats)
{
    if (m_messageId == 0)
        return {StorageErrorCode::InvalidArgument, QStringLiteral("StreamingMessageWriter: finish() before begin()")};
    if (m_finished)
        return {};
    return commit(&stats);
}

StorageStatus StreamingMessageWriter::commit(const GenerationStats* stats)
{
    MessageRepository messages(m_writer);
    // On failure (e.g. Busy) nothing changes here: the text stays pending and the next append retries.
    LECTERN_STORAGE_TRY(m_writer.write([&]() -> StorageStatus {
        if (hasPending())
            LECTERN_STORAGE_TRY(messages.updateText(m_messageId, m_content, m_reasoning));
        if (stats)
            LECTERN_STORAGE_TRY(messages.finish(m_messageId, *stats));
        return {};
    }));
    m_committed = Commit{m_messageId, int(m_content.size()), int(m_reasoning.size()), stats != nullptr};
    m_finished = stats != nullptr;
    m_sinceCommit.restart();
    if (m_onCommit)
        m_onCommit(m_committed);
    return {};
}

}  // namespace lectern::storage
