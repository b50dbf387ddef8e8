// markdown_blocks.h: splits streamed Markdown into finished blocks (rendered once) and a live tail (re-rendered as
// tokens arrive), so a long answer is never laid out again from the start on every token.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <QString>
#include <QStringList>

namespace lectern::ui {

// Incremental splitter. A block is finished once a blank line follows it outside a fenced code block (``` or ~~~);
// a code block stays one block however many blank lines it holds. Feeding text in any number of pieces gives the
// same blocks as feeding it at once.
class MarkdownSplitter {
public:
    // Appends text; returns the blocks it finished (without their separating blank lines).
    QStringList append(const QString& text);
    // What is not yet a finished block (may be empty).
    QString tail() const { return m_pending.mid(m_blockStart); }
    // The blocks of a whole text: the finished ones, then the tail if it has anything but white space.
    static QStringList split(const QString& text);

private:
    QString m_pending;       // text after the last finished block
    qsizetype m_scanned = 0;  // m_pending up to here is whole lines already looked at
    qsizetype m_blockStart = 0;
    QString m_fence;         // the open fence ("```", "~~~~"), empty outside code
};

// The blocks of one message for a Repeater: finished blocks are inserted once and never change; the last row is
// the live tail while the message streams. Role "markdown".
class MarkdownBlockModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("blocks come from a message's blocks role")

public:
    enum Role { MarkdownRole = Qt::UserRole + 1 };

    explicit MarkdownBlockModel(QObject* parent = nullptr);

    // Shows `text`. When it extends the text shown so far (streaming), only new blocks are inserted and the tail
    // row changes; otherwise the rows are rebuilt.
    void setText(const QString& text);
    const QString& text() const { return m_text; }
    QStringList blocks() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString m_text;
    MarkdownSplitter m_splitter;
    QStringList m_finished;
    QString m_tail;  // shown as the last row when not blank
};

}  // namespace lectern::ui
