// import_cache.h: finished imports by content hash and options, in memory and as JSON files in a cache
// folder, so that dropping the same bytes again is instant (and survives a restart).
#pragma once

#include "app/importers/imported_document.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

namespace lectern::app {

class ImportCache {
public:
    // directory: where the JSON files go (created on first insert); empty = memory only.
    explicit ImportCache(QString directory = defaultDirectory(), int memoryEntries = 64);

    // QStandardPaths::CacheLocation + "/imports".
    static QString defaultDirectory();

    QString directory() const { return m_directory; }

    // A copy without an image provider; nothing when the key is unknown or its file is unreadable/corrupt.
    std::optional<ImportedDocument> find(const QByteArray& key);
    void insert(const QByteArray& key, const ImportedDocument& doc);
    void clear();  // memory and files

private:
    QString filePath(const QByteArray& key) const;
    void remember(const QByteArray& key, const ImportedDocument& doc);

    QString m_directory;
    int m_memoryEntries;
    QMutex m_mutex;
    QHash<QByteArray, ImportedDocument> m_memory;
    QList<QByteArray> m_order;  // oldest first
};

}  // namespace lectern::app
