// import_cache.cpp: an LRU-ish in-memory map in front of one JSON file per key (written atomically).
#include "app/importers/import_cache.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QStandardPaths>

namespace lectern::app {

namespace {

constexpr int kCacheFormat = 1;
constexpr qint64 kMaxCacheFileBytes = qint64(256) << 20;

bool validKey(const QByteArray& key)
{
    if (key.isEmpty() || key.size() > 128)
        return false;
    for (const char c : key) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

}  // namespace

ImportCache::ImportCache(QString directory, int memoryEntries)
    : m_directory(std::move(directory)), m_memoryEntries(std::max(0, memoryEntries))
{
}

QString ImportCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/imports");
}

QString ImportCache::filePath(const QByteArray& key) const
{
    return m_directory + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".json");
}

void ImportCache::remember(const QByteArray& key, const ImportedDocument& doc)
{
    if (m_memoryEntries == 0)
        return;
    ImportedDocument stored = doc;
    stored.images.reset();
    stored.fromCache = false;
    if (!m_memory.contains(key))
        m_order.append(key);
    m_memory.insert(key, stored);
    while (m_order.size() > m_memoryEntries)
        m_memory.remove(m_order.takeFirst());
}

std::optional<ImportedDocument> ImportCache::find(const QByteArray& key)
{
    if (!validKey(key))
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    const auto it = m_memory.constFind(key);
    if (it != m_memory.constEnd())
        return *it;
    if (m_directory.isEmpty())
        return std::nullopt;
    QFile file(filePath(key));
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxCacheFileBytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !json.isObject()
        || json.object().value(QStringLiteral("cacheFormat")).toInt() != kCacheFormat) {
        file.close();
        file.remove();  // damaged or from another version: import again
        return std::nullopt;
    }
    std::optional<ImportedDocument> doc = ImportedDocument::fromJson(json.object().value(QStringLiteral("document")).toObject());
    if (!doc) {
        file.close();
        file.remove();
        return std::nullopt;
    }
    remember(key, *doc);
    return doc;
}

void ImportCache::insert(const QByteArray& key, const ImportedDocument& doc)
{
    if (!validKey(key) || !doc.ok())
        return;
    QMutexLocker lock(&m_mutex);
    remember(key, doc);
    if (m_directory.isEmpty() || !QDir().mkpath(m_directory))
        return;  // a cache that cannot be written is only slower, never an error
    const QJsonObject object{{QStringLiteral("cacheFormat"), kCacheFormat},
                             {QStringLiteral("document"), doc.toJson(ImportedDocument::JsonDetail::Full)}};
    QSaveFile file(filePath(key));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
        file.commit();
    }
}

void ImportCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_memory.clear();
    m_order.clear();
    if (m_directory.isEmpty())
        return;
    QDir dir(m_directory);
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files))
        dir.remove(name);
}

}  // namespace lectern::app
