// inspect_command.cpp: option parsing and JSON output for `lectern inspect`.
#include "app/headless/inspect_command.h"

#include "app/importers/import_cache.h"
#include "app/importers/importer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lectern::app {

namespace {

class InspectCommand {
    Q_DECLARE_TR_FUNCTIONS(InspectCommand)

public:
    static QString usage()
    {
        return tr("Usage: lectern inspect [OPTIONS] FILE...\n"
                  "Imports each file without opening a window and prints the results as JSON.\n"
                  "\n"
                  "Options:\n"
                  "  --pages=RANGE      PDF pages to import, e.g. 1-5,8,10-\n"
                  "  --password=TEXT    password for protected PDFs\n"
                  "  --dpi=N            resolution of PDF page images (default 120)\n"
                  "  --fps=N            video frames sampled per second (default 2)\n"
                  "  --max-frames=N     video frame budget (default 768)\n"
                  "  --text             include the full text of every page\n"
                  "\n"
                  "Exit status: 0 when every file was imported, 1 when any failed, 2 on a usage error.\n");
    }

    static int run(const QStringList& arguments, QTextStream& out, QTextStream& err)
    {
        ImportOptions options;
        bool fullText = false;
        QStringList files;
        bool optionsEnded = false;
        for (const QString& argument : arguments) {
            if (optionsEnded || !argument.startsWith(QLatin1String("--"))) {
                files.append(argument);
                continue;
            }
            if (argument == QLatin1String("--")) {
                optionsEnded = true;
                continue;
            }
            if (argument == QLatin1String("--help")) {
                out << usage();
                return 0;
            }
            const qsizetype equals = argument.indexOf(QLatin1Char('='));
            const QString name = argument.left(equals);
            const QString value = equals < 0 ? QString() : argument.mid(equals + 1);
            bool ok = true;
            if (name == QLatin1String("--text") && equals < 0) {
                fullText = true;
            } else if (name == QLatin1String("--pages") && equals > 0) {
                options.pageRange = value;
            } else if (name == QLatin1String("--password") && equals > 0) {
                options.password = value.toUtf8();
            } else if (name == QLatin1String("--dpi") && equals > 0) {
                options.renderDpi = value.toDouble(&ok);
                ok = ok && options.renderDpi >= 10 && options.renderDpi <= 1200;
            } else if (name == QLatin1String("--fps") && equals > 0) {
                options.video.fps = value.toDouble(&ok);
                ok = ok && options.video.fps > 0 && options.video.fps <= 60;
            } else if (name == QLatin1String("--max-frames") && equals > 0) {
                options.video.maxFrames = value.toInt(&ok);
                ok = ok && options.video.maxFrames >= 1;
            } else {
                err << tr("lectern inspect: unknown option %1").arg(argument) << '\n' << usage();
                return 2;
            }
            if (!ok) {
                err << tr("lectern inspect: invalid value in %1").arg(argument) << '\n' << usage();
                return 2;
            }
        }
        if (files.isEmpty()) {
            err << tr("lectern inspect: no files given") << '\n' << usage();
            return 2;
        }

        // Memory only: inspecting must not leave files behind, but the same bytes twice are imported once.
        ImportCache cache{QString()};
        QJsonArray results;
        bool allOk = true;
        for (const QString& file : files) {
            const QString path = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
            ImportedDocument doc = Importer::importFile(path, options, ImportContext(), &cache);
            allOk = allOk && doc.ok();
            QJsonObject json = doc.toJson(ImportedDocument::JsonDetail::Summary);
            if (fullText) {
                QJsonArray pages = json.value(QStringLiteral("pages")).toArray();
                for (qsizetype i = 0; i < pages.size() && i < doc.pages.size(); ++i) {
                    QJsonObject page = pages.at(i).toObject();
                    page[QStringLiteral("text")] = doc.pages.at(i).text;
                    pages[i] = page;
                }
                json[QStringLiteral("pages")] = pages;
            }
            results.append(json);
        }
        out << QString::fromUtf8(QJsonDocument(results).toJson(QJsonDocument::Indented));
        out.flush();
        return allOk ? 0 : 1;
    }
};

}  // namespace

int runInspect(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    return InspectCommand::run(arguments, out, err);
}

}  // namespace lectern::app
