// serve_command.h: `lectern serve ...`: the local OpenAI-compatible API server without a window: loads the model,
// listens until SIGINT or SIGTERM, logs one line per request.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace lectern::app {

// `args` are the words after "serve". Needs a running QCoreApplication (QGuiApplication for pictures). Prints
// "Lectern API server listening on http://HOST:PORT (model NAME)" to `out` once serving, one line per request to
// `err`. Returns 0 when stopped by SIGINT/SIGTERM, 1 when the model cannot be loaded or the port cannot be bound,
// 2 on a usage error (after printing the usage).
int runServe(const QStringList& args, QTextStream& out, QTextStream& err);

// The usage text shown by `lectern serve --help`.
QString serveUsage();

}  // namespace lectern::app
