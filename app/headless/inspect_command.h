// inspect_command.h: `lectern inspect [OPTIONS] FILE...`: imports each file headlessly and prints the result
// (kind, pages/frames, metadata, text length, warnings, token estimates, error) as a JSON array.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace lectern::app {

// arguments: what follows "inspect" on the command line (options and files, in any order).
// Returns 0 when every file imported, 1 when any failed, 2 on a usage error (message on err).
// Wants a QGuiApplication (the offscreen platform is enough) so HTML goes through QTextDocument; with only a
// QCoreApplication HTML falls back to HtmlText. Opens no window.
int runInspect(const QStringList& arguments, QTextStream& out, QTextStream& err);

}  // namespace lectern::app
