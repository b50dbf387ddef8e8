// page_range.cpp: page-range grammar and its error messages.
#include "app/importers/page_range.h"

#include <QSet>
#include <QStringList>

namespace lectern::app {

namespace {

std::optional<int> parseNumber(const QString& text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value <= 0)
        return std::nullopt;
    return value;
}

}  // namespace

std::optional<QList<int>> PageRange::parse(const QString& spec, int pageCount, QString* error)
{
    QList<int> pages;
    if (spec.trimmed().isEmpty()) {
        for (int page = 1; page <= pageCount; ++page)
            pages.append(page);
        return pages;
    }
    QSet<int> seen;
    const QStringList items = spec.split(QLatin1Char(','));
    for (const QString& rawItem : items) {
        const QString item = rawItem.trimmed();
        int first = 0;
        int last = 0;
        const qsizetype dash = item.indexOf(QLatin1Char('-'));
        if (dash < 0) {
            const auto number = parseNumber(item);
            if (!number) {
                *error = tr("The page range \"%1\" is not valid: \"%2\" is not a page number. "
                            "Use numbers and ranges such as 1-5, 8, 10-.").arg(spec, item);
                return std::nullopt;
            }
            first = last = *number;
        } else {
            const QString left = item.left(dash).trimmed();
            const QString right = item.mid(dash + 1).trimmed();
            const auto from = left.isEmpty() ? std::optional<int>(1) : parseNumber(left);
            const auto to = right.isEmpty() ? std::optional<int>(pageCount) : parseNumber(right);
            if (!from || !to || (left.isEmpty() && right.isEmpty())) {
                *error = tr("The page range \"%1\" is not valid: \"%2\" is not a range. "
                            "Use numbers and ranges such as 1-5, 8, 10-.").arg(spec, item);
                return std::nullopt;
            }
            first = *from;
            last = *to;
            if (first > last) {
                *error = tr("The page range \"%1\" is not valid: %2 runs backwards.").arg(spec, item);
                return std::nullopt;
            }
        }
        if (first > pageCount || last > pageCount) {
            *error = tr("The page range \"%1\" asks for page %2, but the document has only %n page(s).",
                        nullptr, pageCount)
                         .arg(spec)
                         .arg(std::max(first, last));
            return std::nullopt;
        }
        for (int page = first; page <= last; ++page) {
            if (!seen.contains(page)) {
                seen.insert(page);
                pages.append(page);
            }
        }
    }
    return pages;
}

}  // namespace lectern::app
