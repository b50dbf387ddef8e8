// ask_command.h: `lectern ask ...`: one chat turn without a window, through the window's own services (import,
// prompt, engine, storage); the answer streams to standard output and the turn is saved in the database.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace lectern::app {

// `args` are the words after "ask". Needs a running QCoreApplication (QGuiApplication for HTML attachments) but
// no display. The answer goes to `out` as it is generated; reasoning, warnings, statistics and the conversation id
// go to `err`. Returns 0 when the answer finished (stop, length), 1 on an error (missing model, bad attachment,
// unknown conversation, failed generation), 2 on a usage error (after printing the usage).
int runAsk(const QStringList& args, QTextStream& out, QTextStream& err);

// The usage text shown by `lectern ask --help`.
QString askUsage();

}  // namespace lectern::app
