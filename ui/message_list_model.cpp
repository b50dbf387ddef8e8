// message_list_model.cpp: rows of the chat view and the streamed answer's updates.
#include "ui/message_list_model.h"

#include <cmath>

namespace lectern::ui {

MessageListModel::MessageListModel(QObject* parent) : QAbstractListModel(parent) {}

MessageListModel::~MessageListModel() = default;  // block models are children of this object

std::optional<qint64> MessageListModel::lastTurnTokens() const
{
    if (m_entries.isEmpty())
        return std::nullopt;
    const Entry& last = m_entries.last();
    if (last.role != storage::MessageRole::Assistant || last.streaming || !last.promptTokens)
        return std::nullopt;
    return qint64(*last.promptTokens) + last.generatedTokens.value_or(0);
}

MessageListModel::Entry MessageListModel::makeEntry(const storage::Message& message)
{
    Entry entry;
    entry.id = message.id;
    entry.role = message.role;
    entry.reasoning = message.reasoning;
    entry.reasoningMs = message.reasoningMs;
    entry.promptTokens = message.promptTokens;
    entry.generatedTokens = message.generatedTokens;
    entry.tokensPerSecond = message.tokensPerSecond;
    entry.finishReason = message.finishReason;
    entry.blocks = new MarkdownBlockModel(this);
    entry.blocks->setText(message.content);
    return entry;
}

void MessageListModel::setMessages(const QList<storage::Message>& messages)
{
    beginResetModel();
    for (Entry& entry : m_entries)
        entry.blocks->deleteLater();  // a delegate may still hold it until the reset is processed
    m_entries.clear();
    for (const storage::Message& message : messages)
        if (message.role != storage::MessageRole::System)
            m_entries.append(makeEntry(message));
    endResetModel();
    emit countChanged();
}

void MessageListModel::beginTurn(const QString& question)
{
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + 1);
    storage::Message user;
    user.role = storage::MessageRole::User;
    user.content = question;
    m_entries.append(makeEntry(user));
    storage::Message answer;
    answer.role = storage::MessageRole::Assistant;
    Entry streaming = makeEntry(answer);
    streaming.streaming = true;
    m_entries.append(streaming);
    endInsertRows();
    emit countChanged();
}

int MessageListModel::streamingRow() const
{
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i)
        if (m_entries.at(i).streaming)
            return int(i);
    return -1;
}

void MessageListModel::changed(int row)
{
    emit dataChanged(index(row), index(row));
}

void MessageListModel::setTurnIds(qint64 userMessageId, qint64 assistantMessageId)
{
    const int row = streamingRow();
    if (row < 1)
        return;
    m_entries[row].id = assistantMessageId;
    m_entries[row - 1].id = userMessageId;
    changed(row - 1);
    changed(row);
}

void MessageListModel::appendStreamed(const QString& reasoning, const QString& content)
{
    const int row = streamingRow();
    if (row < 0 || (reasoning.isEmpty() && content.isEmpty()))
        return;
    Entry& entry = m_entries[row];
    if (!content.isEmpty())
        entry.blocks->setText(entry.blocks->text() + content);
    if (!reasoning.isEmpty()) {
        entry.reasoning += reasoning;
        emit dataChanged(index(row), index(row), {ReasoningRole});
    }
    if (!content.isEmpty())
        emit dataChanged(index(row), index(row), {ContentRole});
}

void MessageListModel::finishTurn(const QString& content, const QString& reasoning, const storage::GenerationStats& stats,
                                  const QString& error)
{
    const int row = streamingRow();
    if (row < 0)
        return;
    Entry& entry = m_entries[row];
    entry.streaming = false;
    if (!content.isEmpty() || error.isEmpty())
        entry.blocks->setText(content);
    if (!reasoning.isEmpty() || error.isEmpty())
        entry.reasoning = reasoning;
    entry.reasoningMs = stats.reasoningMs;
    entry.promptTokens = stats.promptTokens;
    entry.generatedTokens = stats.generatedTokens;
    entry.tokensPerSecond = stats.tokensPerSecond;
    entry.finishReason = stats.finishReason;
    entry.error = error;
    changed(row);
}

void MessageListModel::removeFrom(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    beginRemoveRows({}, row, int(m_entries.size()) - 1);
    while (m_entries.size() > row)
        m_entries.takeLast().blocks->deleteLater();
    endRemoveRows();
    emit countChanged();
}

int MessageListModel::rowOf(qint64 messageId) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).id == messageId)
            return int(i);
    return -1;
}

QList<qint64> MessageListModel::idsFrom(int row) const
{
    QList<qint64> ids;
    for (qsizetype i = qMax(row, 0); i < m_entries.size(); ++i)
        if (m_entries.at(i).id != 0)
            ids.append(m_entries.at(i).id);
    return ids;
}

QString MessageListModel::contentAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).blocks->text() : QString();
}

bool MessageListModel::isUserAt(int row) const
{
    return row >= 0 && row < m_entries.size() && m_entries.at(row).role == storage::MessageRole::User;
}

int MessageListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry& entry = m_entries.at(index.row());
    switch (role) {
    case IdRole: return entry.id;
    case RoleNameRole: return storage::roleName(entry.role);
    case Qt::DisplayRole:
    case ContentRole: return entry.blocks->text();
    case BlocksRole: return QVariant::fromValue<QObject*>(entry.blocks);
    case ReasoningRole: return entry.reasoning;
    case ReasoningSecondsRole:
        return entry.reasoningMs ? int(std::lround(double(*entry.reasoningMs) / 1000.0)) : -1;
    case GeneratedTokensRole: return entry.generatedTokens.value_or(-1);
    case TokensPerSecondRole: return entry.tokensPerSecond.value_or(-1.0);
    case FinishReasonRole: return storage::finishReasonName(entry.finishReason);
    case StreamingRole: return entry.streaming;
    case ErrorRole: return entry.error;
    default: return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{IdRole, "messageId"},
            {RoleNameRole, "role"},
            {ContentRole, "content"},
            {BlocksRole, "blocks"},
            {ReasoningRole, "reasoning"},
            {ReasoningSecondsRole, "reasoningSeconds"},
            {GeneratedTokensRole, "generatedTokens"},
            {TokensPerSecondRole, "tokensPerSecond"},
            {FinishReasonRole, "finishReason"},
            {StreamingRole, "streaming"},
            {ErrorRole, "error"}};
}

}  // namespace lectern::ui
