// app_info.h: Lectern's identity (product name, version) and the per-user folders it keeps data in.
#pragma once

#include <QString>

namespace lectern::app {

// Facts about this build of Lectern. Everything here is fixed for the process: the directories follow
// the XDG variables (QStandardPaths reads them on every call) but always end in "Lectern".
class AppInfo {
public:
    static QString productName();     // "Lectern": window title, folder names
    static QString executableName();  // "lectern": program and icon name
    static QString appId();           // "io.github.lectern.Lectern": desktop file, AppStream id, Wayland app id
    static QString version();         // the CMake project version, e.g. "0.1.0"
    static QString versionLine();     // "lectern 0.1.0": what `lectern --version` prints

    // Sets application name "Lectern", an empty organisation (so folders are ~/.local/share/Lectern,
    // not ~/.local/share/<org>/Lectern), the version and the desktop file name. Call before the
    // QGuiApplication is constructed; calling it again is harmless.
    static void applyIdentity();

    // Writable per-user folders; not created here. Asking for one applies the identity first, so the
    // answer never depends on whether main() has run yet.
    static QString dataDir();    // conversations, extracted records: $XDG_DATA_HOME/Lectern
    static QString cacheDir();   // rendered pages, frames, snapshots: $XDG_CACHE_HOME/Lectern
    static QString configDir();  // settings: $XDG_CONFIG_HOME/Lectern
};

}  // namespace lectern::app
