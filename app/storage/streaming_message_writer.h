// streaming_message_writer.h: saves an assistant answer while it is being generated, committing the text
// periodically so a crash or kill loses at most the last commit interval.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

#include <functional>

#include "app/storage/connection.h"
#include "app/storage/records.h"

namespace lectern::storage {

// Usage, on the thread that owns `writer` (the inference worker):
//   StreamingMessageWriter stream(*writer);
//   stream.begin(conversationId);                 // inserts an empty assistant message (committed)
//   for each token: stream.appendReasoning(...) / stream.appendContent(...);
//   stream.finish(stats);                         // last text + finish reason + statistics, one commit
// A commit happens inside an append once `commitIntervalMs` has passed since the last one, or once
// `maxPendingChars` characters are waiting. If the process dies, the message keeps the text of the last
// commit and FinishReason::None, which the UI shows as "interrupted". Tokens that stop arriving are not
// committed until the next append: call flush() from a timer if generation can stall.
class StreamingMessageWriter {
    Q_DECLARE_TR_FUNCTIONS(StreamingMessageWriter)

public:
    struct Policy {
        int commitIntervalMs = 250;   // 0: commit on every append
        int maxPendingChars = 4096;
    };
    // What is durable after a commit: the first contentLength / reasoningLength UTF-16 code units.
    struct Commit {
        qint64 messageId = 0;
        int contentLength = 0;
        int reasoningLength = 0;
        bool finished = false;
    };

    explicit StreamingMessageWriter(Connection& writer) : StreamingMessageWriter(writer, Policy()) {}
    StreamingMessageWriter(Connection& writer, Policy policy);

    // Called after every successful commit (e.g. to tell the UI what is saved, or by the kill test).
    void setCommitCallback(std::function<void(const Commit&)> callback) { m_onCommit = std::move(callback); }

    // Appends an empty assistant message to the conversation and commits it. Only once per writer.
    StorageResult<qint64> begin(qint64 conversationId, const QDateTime& createdAt = {});
    StorageStatus appendContent(const QString& delta);
    StorageStatus appendReasoning(const QString& delta);
    // Commits any pending text now.
    StorageStatus flush();
    // Commits the remaining text with the finish reason and statistics in one transaction. After this the
    // writer accepts no more text.
    StorageStatus finish(const GenerationStats& stats);

    qint64 messageId() const { return m_messageId; }
    const QString& content() const { return m_content; }
    const QString& reasoning() const { return m_reasoning; }
    const Commit& lastCommit() const { return m_committed; }
    bool hasPending() const;

private:
    StorageStatus append(QString& target, const QString& delta);
    StorageStatus commit(const GenerationStats* stats);

    Connection& m_writer;
    Policy m_policy;
    std::function<void(const Commit&)> m_onCommit;
    qint64 m_messageId = 0;
    bool m_finished = false;
    QString m_content;
    QString m_reasoning;
    Commit m_committed;
    QElapsedTimer m_sinceCommit;
};

}  // namespace lectern::storage
