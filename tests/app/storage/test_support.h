// test_support.h: helpers shared by the storage tests (temporary database paths, file hashes, status checks).
#pragma once

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include "app/storage/storage_result.h"

namespace lectern::storage::testing {

// Fails the current test with the status message when `status` is not ok.
#define LECTERN_VERIFY_OK(expr)                                                                   \
    do {                                                                                          \
        const auto& lecternStatus_ = (expr);                                                      \
        QVERIFY2(lecternStatus_.ok(), qPrintable(statusText(lecternStatus_)));                    \
    } while (false)

inline QString statusText(const StorageStatus& status)
{
    return status.message();
}

template <typename T>
QString statusText(const StorageResult<T>& result)
{
    return result.status().message();
}

inline QByteArray fileSha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

inline QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

}  // namespace lectern::storage::testing
