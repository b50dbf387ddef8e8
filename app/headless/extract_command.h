// extract_command.h: `lectern extract ...`: JSON-schema-constrained extraction of many files without a window,
// through the window's ExtractionService (queue, worker, storage); the rows go to a CSV or JSON file.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace lectern::app {

// `args` are the words after "extract". Progress lines go to `err`. Returns 0 when every file was extracted,
// 1 when a file or the model failed (rows of the others are still written), 2 on a usage error or a bad schema.
int runExtract(const QStringList& args, QTextStream& out, QTextStream& err);

QString extractUsage();

}  // namespace lectern::app
