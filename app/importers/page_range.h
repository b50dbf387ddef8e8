// page_range.h: parses page ranges such as "1-5, 8, 10-" against a document's page count.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace lectern::app {

class PageRange {
    Q_DECLARE_TR_FUNCTIONS(PageRange)

public:
    // 1-based page numbers in the order given, duplicates removed. An empty spec selects every page.
    // Items: "N", "N-M", "N-" (to the end), "-M" (from the start). On failure: nothing, and *error says why.
    static std::optional<QList<int>> parse(const QString& spec, int pageCount, QString* error);
};

}  // namespace lectern::app
