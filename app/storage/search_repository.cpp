// search_repository.cpp: FTS5 MATCH queries over messages_fts and extractions_fts.
#include "app/storage/search_repository.h"

#include <QRegularExpression>

#include <algorithm>

namespace lectern::storage {

namespace {

QVariantList snippetBindings(const SearchOptions& options)
{
    return {options.markStart, options.markEnd, options.ellipsis, std::clamp(options.snippetTokens, 1, 64)};
}

}  // namespace

QString SearchRepository::ftsQuery(const QString& text, bool prefixLastTerm)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    QStringList phrases;
    for (const QString& word : text.split(whitespace, Qt::SkipEmptyParts)) {
        if (std::none_of(word.begin(), word.end(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        QString escaped = word;
        escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        phrases << QLatin1Char('"') + escaped + QLatin1Char('"');
    }
    if (phrases.isEmpty())
        return {};
    if (prefixLastTerm)
        phrases.last() += QLatin1Char('*');
    return phrases.join(QLatin1Char(' '));
}

StorageResult<QList<MessageHit>> SearchRepository::searchMessages(const QString& text, const SearchOptions& options)
{
    const QString match = ftsQuery(text, options.prefixLastTerm);
    if (match.isEmpty() || options.limit <= 0)
        return QList<MessageHit>();
    QVariantList bindings = snippetBindings(options);
    bindings << match << options.limit;
    // bm25 weights: content 1.0, reasoning 0.5. snippet column -1: FTS5 picks the best-matching column.
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT m.id, m.conversation_id, c.title, m.role, "
                       "snippet(messages_fts, -1, ?, ?, ?, ?), bm25(messages_fts, 1.0, 0.5) AS rank "
                       "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
                       "JOIN conversations c ON c.id = m.conversation_id "
                       "WHERE messages_fts MATCH ? ORDER BY rank, m.id LIMIT ?"),
        bindings);
    if (!q.ok())
        return q.status();
    QList<MessageHit> hits;
    while (q->next()) {
        MessageHit hit;
        hit.messageId = q->value(0).toLongLong();
        hit.conversationId = q->value(1).toLongLong();
        hit.conversationTitle = q->value(2).toString();
        hit.role = roleFromName(q->value(3).toString()).value_or(MessageRole::User);
        hit.snippet = q->value(4).toString();
        hit.score = -q->value(5).toDouble();
        hits.append(hit);
    }
    return hits;
}

StorageResult<QList<ExtractionHit>> SearchRepository::searchExtractions(const QString& text,
                                                                        const SearchOptions& options)
{
    const QString match = ftsQuery(text, options.prefixLastTerm);
    if (match.isEmpty() || options.limit <= 0)
        return QList<ExtractionHit>();
    QVariantList bindings = snippetBindings(options);
    bindings << match << options.limit;
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT e.id, e.schema_id, s.name, snippet(extractions_fts, 0, ?, ?, ?, ?), "
                       "bm25(extractions_fts) AS rank "
                       "FROM extractions_fts JOIN extractions e ON e.id = extractions_fts.rowid "
                       "JOIN extraction_schemas s ON s.id = e.schema_id "
                       "WHERE extractions_fts MATCH ? ORDER BY rank, e.id LIMIT ?"),
        bindings);
    if (!q.ok())
        return q.status();
    QList<ExtractionHit> hits;
    while (q->next()) {
        ExtractionHit hit;
        hit.extractionId = q->value(0).toLongLong();
        hit.schemaId = q->value(1).toLongLong();
        hit.schemaName = q->value(2).toString();
        hit.snippet = q->value(3).toString();
        hit.score = -q->value(4).toDouble();
        hits.append(hit);
    }
    return hits;
}

}  // namespace lectern::storage
