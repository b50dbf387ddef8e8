// csv_export.h: extracted records as CSV (RFC 4180), flattening nested JSON to dotted column names.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include "app/storage/records.h"
#include "app/storage/storage_result.h"

namespace lectern::exporting {

struct CsvOptions {
    bool byteOrderMark = false;  // start with EF BB BF so spreadsheet programs read the file as UTF-8
    bool includeSource = false;  // lead with the columns "source.file" (original path) and "source.page";
                                 // they take precedence over record keys that flatten to the same names
};

// The rules, in one place:
//  - Encoding UTF-8; every line (header included) ends in CR LF, the last one too.
//  - A field is quoted ("...") if it contains a double quote, comma, CR or LF; a double quote inside is
//    written twice. Other fields are written as they are (no trimming, no formula escaping).
//  - The first line is the header. Columns are the union of all records' flattened keys, in the order
//    they are first seen (records in id order, keys in their stored order). A record without a column
//    gets an empty field.
//  - Flattening: a nested object becomes one column per leaf, named by the dotted path
//    ({"a":{"b":1}} -> "a.b"); an empty object is one column holding "{}". If two paths give the same
//    name ({"a.b":1,"a":{"b":2}}), they share the column and the later value wins.
//  - Arrays are not spread over columns: the cell holds the array as compact JSON, e.g. ["x","y"] or
//    [{"n":1}] ("[]" when empty), so any array shape round-trips.
//  - Scalars: strings as they are; numbers as JSON writes them (shortest form that reads back the same
//    value, e.g. 1.50 -> 1.5); true/false; null -> empty field (like a missing key).
//  - A record that is not an object (never stored by Lectern) is one column "value".
//  - No records: no header either (only the byte-order mark if asked for), unless includeSource.
class CsvExport {
public:
    static storage::StorageResult<QByteArray> write(const QList<storage::ExtractionWithSource>& records,
                                                    const CsvOptions& options);

    // One record's cells in first-seen order; Corrupt if it is not JSON.
    static storage::StorageResult<QList<QPair<QString, QString>>> flatten(const QByteArray& recordJson);

    // The field as it appears in the file (quoted and escaped when needed).
    static QString field(const QString& value);
};

}  // namespace lectern::exporting
