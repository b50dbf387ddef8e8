// conversation_list_model.h: the sidebar's conversations (newest activity first) as a list model, with rows that
// are deleted but still undoable hidden from view.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <QList>
#include <QSet>

#include "app/storage/records.h"

namespace lectern::ui {

class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("conversations come from ChatController.conversations")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, TitleRole, UpdatedAtRole, ThinkingRole };

    explicit ConversationListModel(QObject* parent = nullptr);

    // Replaces the rows with `conversations` (as ConversationRepository::list gives them). Rows that keep their id
    // and place are updated in place, so the view keeps its scroll position and current item.
    void setConversations(const QList<storage::Conversation>& conversations);
    // Hides or shows one conversation (a delete that can still be undone).
    void setHidden(qint64 id, bool hidden);

    int count() const { return int(m_rows.size()); }
    // Row of `id`, or -1.
    Q_INVOKABLE int rowOf(qint64 id) const;
    // The conversation with `id`, if shown.
    const storage::Conversation* find(qint64 id) const;
    Q_INVOKABLE QString titleOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    void apply();

    QList<storage::Conversation> m_all;   // as stored
    QSet<qint64> m_hidden;
    QList<storage::Conversation> m_rows;  // m_all without the hidden ones
};

}  // namespace lectern::ui
