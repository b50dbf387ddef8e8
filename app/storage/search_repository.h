// search_repository.h: full-text search over all conversations and extracted records (FTS5, bm25 ranking,
// highlighted snippets).
#pragma once

#include <QCoreApplication>
#include <QList>

#include "app/storage/connection.h"
#include "app/storage/records.h"

namespace lectern::storage {

struct SearchOptions {
    int limit = 20;                                  // most hits returned
    int snippetTokens = 12;                          // words of context in a snippet (FTS5 allows 1..64)
    QString markStart = QStringLiteral("[");         // around each matched word in the snippet
    QString markEnd = QStringLiteral("]");
    QString ellipsis = QStringLiteral("\u2026");     // where the snippet cuts the text
    bool prefixLastTerm = true;                      // "inv" finds "invoice" (search-as-you-type)
};

struct MessageHit {
    qint64 messageId = 0;
    qint64 conversationId = 0;
    QString conversationTitle;
    MessageRole role = MessageRole::User;
    QString snippet;   // from the content, or from the reasoning when that matches better
    double score = 0;  // -bm25: higher is better; only comparable within one search
};

struct ExtractionHit {
    qint64 extractionId = 0;
    qint64 schemaId = 0;
    QString schemaName;
    QString snippet;   // from the record's values, one value per line
    double score = 0;
};

class SearchRepository {
    Q_DECLARE_TR_FUNCTIONS(SearchRepository)

public:
    explicit SearchRepository(Connection& connection) : m_connection(connection) {}

    // `text` is what the user typed, not FTS5 syntax: every word must occur (in any order), words are
    // matched without case or accents, quotes and operators are taken literally. Best hits first;
    // content counts twice as much as reasoning. Empty text gives no hits.
    StorageResult<QList<MessageHit>> searchMessages(const QString& text, const SearchOptions& options = {});
    StorageResult<QList<ExtractionHit>> searchExtractions(const QString& text, const SearchOptions& options = {});

    // The FTS5 query for `text`: each word as a quoted phrase, the last one with a prefix '*' if asked.
    // Words without any letter or digit are dropped. Empty if nothing is left.
    static QString ftsQuery(const QString& text, bool prefixLastTerm);

private:
    Connection& m_connection;
};

}  // namespace lectern::storage
