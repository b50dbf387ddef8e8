// storage_result.h: errors as values for the storage layer (StorageStatus, StorageResult<T>).
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace lectern::storage {

// Distinct codes let callers react differently: TooNew / Corrupt mean "leave this file alone",
// Busy means "try again", WrongThread is a programming error.
enum class StorageErrorCode {
    Ok = 0,
    InvalidArgument,  // caller passed something impossible (empty title, unknown role, not a JSON object)
    NotFound,         // no row with that id, or no database file where one was required
    Corrupt,          // the file is not an SQLite database, is truncated, or fails its integrity check
    TooNew,           // written by a newer Lectern: we do not know its schema, so we never write to it
    TooOld,           // needs a migration, but was opened read-only
    Busy,             // another connection held a lock for longer than the busy timeout
    ReadOnly,         // a write was attempted on a read-only connection
    WrongThread,      // a connection was used from a thread other than the one that opened it
    Io,               // file-system failure (permissions, disk full, backup copy failed)
    Sql,              // any other SQLite error; the message carries SQLite's text
};

class [[nodiscard]] StorageStatus {
public:
    StorageStatus() = default;
    StorageStatus(StorageErrorCode code, QString message) : m_code(code), m_message(std::move(message)) {}

    static StorageStatus success() { return {}; }

    bool ok() const { return m_code == StorageErrorCode::Ok; }
    StorageErrorCode code() const { return m_code; }
    const QString& message() const { return m_message; }

    // Prepends "<context>: " so the outermost caller sees the whole path of the failure.
    StorageStatus withContext(const QString& context) const
    {
        if (ok())
            return *this;
        return {m_code, context + QStringLiteral(": ") + m_message};
    }

private:
    StorageErrorCode m_code = StorageErrorCode::Ok;
    QString m_message;
};

template <typename T>
class [[nodiscard]] StorageResult {
public:
    StorageResult(T value) : m_value(std::move(value)) {}                   // NOLINT(google-explicit-constructor)
    StorageResult(StorageStatus status) : m_status(std::move(status)) {}   // NOLINT(google-explicit-constructor)

    bool ok() const { return m_value.has_value(); }
    const StorageStatus& status() const { return m_status; }
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }

private:
    std::optional<T> m_value;
    StorageStatus m_status;
};

}  // namespace lectern::storage

// Early-return helpers; the expression is evaluated once.
#define LECTERN_STORAGE_TRY(expr)                                   \
    do {                                                            \
        ::lectern::storage::StorageStatus lecternStorageStatus_ = (expr); \
        if (!lecternStorageStatus_.ok())                            \
            return lecternStorageStatus_;                           \
    } while (false)
