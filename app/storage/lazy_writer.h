// lazy_writer.h: a writer connection opened on first use, by the thread that uses it (one per thread that writes).
#pragma once

#include <memory>

#include "app/storage/database.h"

namespace lectern::storage {

class LazyWriter {
public:
    explicit LazyWriter(const Database& database) : m_database(database) {}

    // The connection (opened now if this is the first call), or why it cannot be opened.
    StorageResult<Connection*> get()
    {
        if (!m_connection) {
            StorageResult<std::unique_ptr<Connection>> opened = m_database.openWriter();
            if (!opened.ok())
                return opened.status();
            m_connection = std::move(opened).value();
        }
        return m_connection.get();
    }

private:
    Database m_database;
    std::unique_ptr<Connection> m_connection;
};

}  // namespace lectern::storage
