// translations.cpp: picks and installs the embedded .qm translation that best fits the locale.
#include "app/translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace lectern::app {

QString installTranslations(QCoreApplication& app, const QLocale& locale)
{
    // i18n/lectern_<locale>.ts are compiled to .qm and embedded under :/i18n by qt_add_translations.
    auto* translator = new QTranslator(&app);
    if (!translator->load(locale, QStringLiteral("lectern"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return QString();
    }
    return translator->filePath();
}

QString installTranslations(QCoreApplication& app, const QString& language)
{
    return installTranslations(app, language.isEmpty() ? QLocale::system() : QLocale(language));
}

}  // namespace lectern::app
