// headless.h: the lectern program's commands that run without a window (`lectern export|inspect|ask|extract|serve ...`).
#pragma once

#include <optional>

namespace lectern::app {

// If argv[1] names a headless command ("export", "inspect", "ask", "extract", "serve"), runs it with a QCoreApplication
// (inspect and ask: a QGuiApplication on the offscreen platform, for QTextDocument)
// (no display needed) and returns its exit code; otherwise returns nullopt and touches nothing, and the
// caller starts the window. Call first thing in main(), before any QGuiApplication exists.
std::optional<int> runHeadlessCommand(int& argc, char** argv);

}  // namespace lectern::app
