// translations.h: installs Lectern's user-interface translation for a locale.
#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace lectern::app {

// Loads the embedded :/i18n/lectern_<language>.qm that best matches locale's UI languages (de_AT falls back
// to de) and installs it into app (which owns it). Returns the loaded file's path, or an empty string when
// there is no translation for locale: the untranslated English strings then stay in place.
QString installTranslations(QCoreApplication& app, const QLocale& locale = QLocale::system());

// The same for the language setting: "" follows the system; otherwise a locale name such as "de" or "zh_CN".
QString installTranslations(QCoreApplication& app, const QString& language);

}  // namespace lectern::app
