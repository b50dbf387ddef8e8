// main_window.h: loads Main.qml from the Lectern QML module, filled with the product facts it shows.
#pragma once

#include <QString>

class QQmlApplicationEngine;
class QQuickWindow;

namespace lectern::ui {

// Sets the Controls style and the window icon, then loads Main.qml into engine (which owns the window).
// Returns the window, or nullptr with *error saying what failed (QML errors included).
// Callers link lectern_uiplugin and write Q_IMPORT_QML_PLUGIN(LecternPlugin) once.
QQuickWindow* loadMainWindow(QQmlApplicationEngine& engine, QString* error);

}  // namespace lectern::ui
