// conversation_list_model.cpp: rows of the sidebar's conversation list.
#include "ui/conversation_list_model.h"

namespace lectern::ui {

ConversationListModel::ConversationListModel(QObject* parent) : QAbstractListModel(parent) {}

void ConversationListModel::setConversations(const QList<storage::Conversation>& conversations)
{
    m_all = conversations;
    apply();
}

void ConversationListModel::setHidden(qint64 id, bool hidden)
{
    if (hidden == m_hidden.contains(id))
        return;
    if (hidden)
        m_hidden.insert(id);
    else
        m_hidden.remove(id);
    apply();
}

void ConversationListModel::apply()
{
    QList<storage::Conversation> rows;
    for (const storage::Conversation& conversation : std::as_const(m_all))
        if (!m_hidden.contains(conversation.id))
            rows.append(conversation);

    bool sameIds = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows.at(i).id == m_rows.at(i).id;
    if (sameIds) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0), index(int(m_rows.size()) - 1));
        return;
    }
    // One row more or less (a new conversation, a delete, an undo) is told to the view as such.
    if (rows.size() == m_rows.size() + 1 || rows.size() + 1 == m_rows.size()) {
        const bool inserted = rows.size() > m_rows.size();
        const QList<storage::Conversation>& longer = inserted ? rows : m_rows;
        const QList<storage::Conversation>& shorter = inserted ? m_rows : rows;
        qsizetype at = 0;
        while (at < shorter.size() && shorter.at(at).id == longer.at(at).id)
            ++at;
        bool restSame = true;
        for (qsizetype i = at; restSame && i < shorter.size(); ++i)
            restSame = shorter.at(i).id == longer.at(i + 1).id;
        if (restSame) {
            if (inserted) {
                beginInsertRows({}, int(at), int(at));
                m_rows = rows;
                endInsertRows();
            } else {
                beginRemoveRows({}, int(at), int(at));
                m_rows = rows;
                endRemoveRows();
            }
            if (!m_rows.isEmpty())
                emit dataChanged(index(0), index(int(m_rows.size()) - 1));
            emit countChanged();
            return;
        }
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    emit countChanged();
}

int ConversationListModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return int(i);
    return -1;
}

const storage::Conversation* ConversationListModel::find(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}

QString ConversationListModel::titleOf(qint64 id) const
{
    const storage::Conversation* conversation = find(id);
    return conversation ? conversation->title : QString();
}

int ConversationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const storage::Conversation& conversation = m_rows.at(index.row());
    switch (role) {
    case IdRole: return conversation.id;
    case Qt::DisplayRole:
    case TitleRole: return conversation.title;
    case UpdatedAtRole: return conversation.updatedAt;
    case ThinkingRole: return conversation.thinking;
    default: return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{IdRole, "conversationId"}, {TitleRole, "title"}, {UpdatedAtRole, "updatedAt"}, {ThinkingRole, "thinking"}};
}

}  // namespace lectern::ui
