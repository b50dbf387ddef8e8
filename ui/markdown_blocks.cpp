// markdown_blocks.cpp: block splitting of streamed Markdown and the per-message block model.
#include "ui/markdown_blocks.h"

namespace lectern::ui {

namespace {

bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

// "```" or "~~~" (three or more) after up to three spaces: the fence string, else empty.
QString fenceOf(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && i < 3 && line[i] == QLatin1Char(' '))
        ++i;
    if (i >= line.size() || (line[i] != QLatin1Char('`') && line[i] != QLatin1Char('~')))
        return {};
    const QChar mark = line[i];
    qsizetype n = 0;
    while (i + n < line.size() && line[i + n] == mark)
        ++n;
    return n >= 3 ? QString(n, mark) : QString();
}

QString trimmedBlock(QStringView block)
{
    // Keep leading indentation (it matters to Markdown), drop the trailing line breaks.
    qsizetype end = block.size();
    while (end > 0 && (block[end - 1] == QLatin1Char('\n') || block[end - 1] == QLatin1Char('\r')))
        --end;
    return block.first(end).toString();
}

}  // namespace

QStringList MarkdownSplitter::append(const QString& text)
{
    QStringList finished;
    m_pending += text;
    // Look at every whole line not seen yet; a partial last line waits for its line break.
    while (true) {
        const qsizetype newline = m_pending.indexOf(QLatin1Char('\n'), m_scanned);
        if (newline < 0)
            break;
        const QStringView line = QStringView(m_pending).sliced(m_scanned, newline - m_scanned);
        const qsizetype lineStart = m_scanned;
        m_scanned = newline + 1;
        if (!m_fence.isEmpty()) {
            const QString fence = fenceOf(line);
            if (!fence.isEmpty() && fence.at(0) == m_fence.at(0) && fence.size() >= m_fence.size()
                && line.trimmed().size() == fence.size())
                m_fence.clear();
            continue;
        }
        const QString fence = fenceOf(line);
        if (!fence.isEmpty()) {
            m_fence = fence;
            continue;
        }
        if (isBlank(line)) {
            const QStringView block = QStringView(m_pending).sliced(m_blockStart, lineStart - m_blockStart);
            if (!isBlank(block))
                finished.append(trimmedBlock(block));
            m_blockStart = m_scanned;
        }
    }
    // Drop what is finished so the pending text stays short.
    if (m_blockStart > 0) {
        m_pending.remove(0, m_blockStart);
        m_scanned -= m_blockStart;
        m_blockStart = 0;
    }
    return finished;
}

QStringList MarkdownSplitter::split(const QString& text)
{
    MarkdownSplitter splitter;
    QStringList blocks = splitter.append(text);
    const QString tail = splitter.tail();
    if (!isBlank(tail))
        blocks.append(trimmedBlock(tail));
    return blocks;
}

MarkdownBlockModel::MarkdownBlockModel(QObject* parent) : QAbstractListModel(parent) {}

void MarkdownBlockModel::setText(const QString& text)
{
    if (text == m_text)
        return;
    if (!text.startsWith(m_text)) {
        beginResetModel();
        m_text = text;
        m_splitter = MarkdownSplitter();
        m_finished = m_splitter.append(text);
        m_tail = m_splitter.tail();
        endResetModel();
        return;
    }
    const QStringList added = m_splitter.append(text.mid(m_text.size()));
    m_text = text;
    const QString tail = m_splitter.tail();
    const bool hadTail = !isBlank(m_tail);
    const bool hasTail = !isBlank(tail);
    const int first = int(m_finished.size());
    if (added.isEmpty()) {
        if (hadTail && hasTail) {
            m_tail = tail;
            emit dataChanged(index(first), index(first), {MarkdownRole});
        } else if (hadTail) {
            beginRemoveRows({}, first, first);
            m_tail = tail;
            endRemoveRows();
        } else if (hasTail) {
            beginInsertRows({}, first, first);
            m_tail = tail;
            endInsertRows();
        } else {
            m_tail = tail;
        }
        return;
    }
    // The old tail row becomes the first new finished block; the rest (and the new tail) are inserted after it.
    if (hadTail) {
        m_finished.append(added.first());
        m_tail.clear();
        emit dataChanged(index(first), index(first), {MarkdownRole});
    } else {
        beginInsertRows({}, first, first);
        m_finished.append(added.first());
        m_tail.clear();
        endInsertRows();
    }
    const int more = int(added.size()) - 1 + (hasTail ? 1 : 0);
    if (more > 0) {
        beginInsertRows({}, first + 1, first + more);
        for (qsizetype i = 1; i < added.size(); ++i)
            m_finished.append(added.at(i));
        m_tail = tail;
        endInsertRows();
    } else {
        m_tail = tail;
    }
}

QStringList MarkdownBlockModel::blocks() const
{
    QStringList all = m_finished;
    if (!isBlank(m_tail))
        all.append(trimmedBlock(m_tail));
    return all;
}

int MarkdownBlockModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_finished.size()) + (isBlank(m_tail) ? 0 : 1);
}

QVariant MarkdownBlockModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || role != MarkdownRole || index.row() >= rowCount())
        return {};
    if (index.row() < m_finished.size())
        return m_finished.at(index.row());
    return trimmedBlock(m_tail);
}

QHash<int, QByteArray> MarkdownBlockModel::roleNames() const
{
    return {{MarkdownRole, "markdown"}};
}

}  // namespace lectern::ui
