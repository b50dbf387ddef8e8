// fuzz_common.h: shared set-up for the importer fuzz targets: a Qt application object, quiet logging, the
// input written to a per-process temporary file, and tight limits so each run stays fast.
#pragma once

#include "app/importers/import_context.h"
#include "app/importers/import_options.h"
#include "app/importers/imported_document.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

namespace lectern::fuzz {

inline void initialize(int* argc, char*** argv)
{
    // QCoreApplication keeps a reference to argc, and libFuzzer's lives on main()'s stack: keep a copy that
    // outlives everything, and never destroy the application (destroying it in exit handlers, after main()
    // returned, would read that stack).
    // A QGuiApplication on the offscreen platform, as in the app and `lectern inspect`: QTextDocument (HTML)
    // needs QtGui's font database.
    static int argumentCount = 0;
    static QCoreApplication* application = nullptr;
    if (application == nullptr) {
        qputenv("QT_LOGGING_RULES", "*=false");
        qputenv("QT_QPA_PLATFORM", "offscreen");
        argumentCount = *argc;
        application = new QGuiApplication(argumentCount, *argv);
    }
}

// The bytes as a file (importers read paths, as the app does); one file per process, rewritten each run.
inline QString writeInput(const uint8_t* data, size_t size, const char* suffix)
{
    static const QString base = (QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath())
        + QStringLiteral("/lectern-fuzz-%1.").arg(QCoreApplication::applicationPid());
    const QString path = base + QLatin1String(suffix);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(reinterpret_cast<const char*>(data), qint64(size));
    return path;
}

inline app::ImportOptions smallLimits()
{
    app::ImportOptions options;
    options.renderDpi = 36;
    options.limits.maxPdfPages = 8;
    options.limits.maxRenderPixels = 256 * 256;
    options.limits.maxDecodePixels = 512 * 512;
    options.limits.maxImageSourcePixels = 64 * 1024 * 1024;
    options.limits.maxFullDecodeBytes = 32 << 20;
    options.limits.maxVideoSide = 2048;
    options.limits.maxVideoSeconds = 600;
    options.limits.maxVideoPackets = 20000;
    options.limits.timeLimitMs = 3000;
    options.video.maxFrames = 8;
    return options;
}

inline app::ImportContext context(const app::ImportOptions& options)
{
    app::ImportContext context;
    context.deadline = QDeadlineTimer(options.limits.timeLimitMs);
    return context;
}

// What the app does with every result: JSON both ways, and the first image when there is one.
inline void exercise(const app::ImportedDocument& doc)
{
    const QJsonObject summary = doc.toJson();
    const QJsonObject full = doc.toJson(app::ImportedDocument::JsonDetail::Full);
    (void)app::ImportedDocument::fromJson(full);
    (void)summary;
    if (doc.ok() && doc.images && doc.images->count() > 0)
        (void)doc.images->image(0, QSize(128, 128));
}

}  // namespace lectern::fuzz
