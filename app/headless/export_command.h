// export_command.h: `lectern export ...`: conversations or extracted records from the database to
// Markdown, JSON or CSV, without a window.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace lectern::app {

// `args` are the words after "export". Writes the export to `out` (or to --out FILE, atomically) and
// messages to `err` as "lectern export: <message>". Returns 0 on success, 1 on an error (missing or
// unreadable database, unknown id, write failure), 2 on a usage error (after printing the usage).
// Opens the database read-only: an export never changes or upgrades it.
int runExport(const QStringList& args, QTextStream& out, QTextStream& err);

// The usage text shown by `lectern export --help`.
QString exportUsage();

}  // namespace lectern::app
