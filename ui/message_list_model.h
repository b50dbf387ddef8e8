// message_list_model.h: the open conversation's messages for the chat view: stored messages, and the answer being
// streamed, whose Markdown is split into blocks (MarkdownBlockModel) so only the live tail is laid out again.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <QList>

#include <optional>

#include "app/storage/records.h"
#include "ui/markdown_blocks.h"

namespace lectern::ui {

class MessageListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("messages come from ChatController.messages")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        RoleNameRole,       // "user" or "assistant"
        ContentRole,        // the Markdown text
        BlocksRole,         // MarkdownBlockModel* of the content
        ReasoningRole,
        ReasoningSecondsRole,  // whole seconds the model thought, -1 when it did not
        GeneratedTokensRole,   // -1 when unknown
        TokensPerSecondRole,   // -1 when unknown
        FinishReasonRole,      // "", "stop", "length", "cancelled", "error"
        StreamingRole,
        ErrorRole,             // why the turn failed, empty when it did not
    };

    explicit MessageListModel(QObject* parent = nullptr);
    ~MessageListModel() override;

    // Replaces everything with the stored messages of a conversation (system messages are not shown).
    void setMessages(const QList<storage::Message>& messages);
    void clear() { setMessages({}); }

    // A turn the user just sent: the question and an empty answer that streams (ids 0 until the turn is stored).
    void beginTurn(const QString& question);
    void setTurnIds(qint64 userMessageId, qint64 assistantMessageId);
    void appendStreamed(const QString& reasoning, const QString& content);
    // The streamed answer is done: final text, statistics, or the error that ended it.
    void finishTurn(const QString& content, const QString& reasoning, const storage::GenerationStats& stats,
                    const QString& error);
    bool isStreaming() const { return streamingRow() >= 0; }

    // Removes `row` and every row after it (edit-and-resend, regenerate).
    void removeFrom(int row);

    int count() const { return int(m_entries.size()); }
    Q_INVOKABLE int rowOf(qint64 messageId) const;
    // Stored ids of the rows from `row` on (for deleting them).
    QList<qint64> idsFrom(int row) const;
    QString contentAt(int row) const;
    bool isUserAt(int row) const;
    // Prompt + generated tokens of the last answer when it is the last row and its stats are known: the tokens the
    // conversation holds so far. nullopt otherwise (no answer yet, a question after it, or no stats stored).
    std::optional<qint64> lastTurnTokens() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    struct Entry {
        qint64 id = 0;
        storage::MessageRole role = storage::MessageRole::User;
        QString reasoning;
        std::optional<qint64> reasoningMs;
        std::optional<int> promptTokens;
        std::optional<int> generatedTokens;
        std::optional<double> tokensPerSecond;
        storage::FinishReason finishReason = storage::FinishReason::None;
        bool streaming = false;
        QString error;
        MarkdownBlockModel* blocks = nullptr;  // owned by this model; holds the content
    };

    Entry makeEntry(const storage::Message& message);
    int streamingRow() const;
    void changed(int row);

    QList<Entry> m_entries;
};

}  // namespace lectern::ui
