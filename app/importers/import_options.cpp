// import_options.cpp: the options' cache fingerprint.
#include "app/importers/import_options.h"

#include <QStringList>

namespace lectern::app {

QString ImportOptions::fingerprint() const
{
    // Bump the version when an importer's output for the same input changes.
    constexpr int kImporterVersion = 1;
    const QStringList parts{
        QStringLiteral("v%1").arg(kImporterVersion),
        QStringLiteral("pages=%1").arg(pageRange.simplified()),
        QStringLiteral("dpi=%1").arg(renderDpi),
        QStringLiteral("minText=%1").arg(minTextCharacters),
        QStringLiteral("fps=%1").arg(video.fps),
        QStringLiteral("frames=%1-%2").arg(video.minFrames).arg(video.maxFrames),
        QStringLiteral("maxPages=%1").arg(limits.maxPdfPages),
        QStringLiteral("render=%1").arg(limits.maxRenderPixels),
        QStringLiteral("decode=%1").arg(limits.maxDecodePixels),
    };
    return parts.join(QLatin1Char(';'));
}

}  // namespace lectern::app
