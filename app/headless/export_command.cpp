// export_command.cpp: argument parsing and the read-only export pipeline behind `lectern export`.
#include "app/headless/export_command.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QIODevice>
#include <QSaveFile>

#include <optional>

#include "app/export/conversation_bundle.h"
#include "app/headless/command_options.h"
#include "app/export/csv_export.h"
#include "app/export/json_export.h"
#include "app/export/markdown_export.h"
#include "app/storage/database.h"
#include "app/storage/extraction_repository.h"

namespace lectern::app {

namespace {

// Translation context for this command's messages.
class ExportCommand {
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

struct ExportRequest {
    QString dbPath;
    bool all = false;
    QList<qint64> conversationIds;
    bool extractions = false;
    QList<qint64> schemaIds;
    QString format;
    bool noReasoning = false;
    bool bom = false;
    bool withSource = false;
    QString outPath;
    bool help = false;
};

// Parses "1", "1,2" into ids; false on anything else.
bool appendIds(const QString& text, QList<qint64>& ids)
{
    for (const QString& part : text.split(QLatin1Char(','))) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            return false;
        ids.append(id);
    }
    return true;
}

// Empty string on success, otherwise the usage error.
QString parse(const QStringList& args, ExportRequest& request)
{
    bool sawConversation = false;
    bool sawSchema = false;
    for (int i = 0; i < args.size(); ++i) {
        QString arg = args[i];
        std::optional<QString> inlineValue;
        if (arg.startsWith(QStringLiteral("--")) && arg.contains(QLatin1Char('='))) {
            inlineValue = arg.section(QLatin1Char('='), 1);
            arg = arg.section(QLatin1Char('='), 0, 0);
        }
        // One value: "--opt=value" or "--opt value".
        auto value = [&](QString& target) -> QString {
            if (inlineValue) {
                target = *inlineValue;
            } else if (i + 1 < args.size()) {
                target = args[++i];
            } else {
                return ExportCommand::tr("%1 needs a value.").arg(arg);
            }
            if (target.isEmpty())
                return ExportCommand::tr("%1 needs a non-empty value.").arg(arg);
            return {};
        };
        // One or more ids: "--opt 1 2,3 --next" or "--opt=1,2".
        auto ids = [&](QList<qint64>& target) -> QString {
            int taken = 0;
            if (inlineValue) {
                if (!appendIds(*inlineValue, target))
                    return ExportCommand::tr("%1 takes positive numeric ids, not '%2'.").arg(arg, *inlineValue);
                ++taken;
            }
            while (i + 1 < args.size() && !args[i + 1].startsWith(QStringLiteral("--"))) {
                if (!appendIds(args[i + 1], target))
                    return ExportCommand::tr("%1 takes positive numeric ids, not '%2'.").arg(arg, args[i + 1]);
                ++i;
                ++taken;
            }
            if (taken == 0)
                return ExportCommand::tr("%1 needs at least one id.").arg(arg);
            return {};
        };
        auto flag = [&](bool& target) -> QString {
            if (inlineValue)
                return ExportCommand::tr("%1 takes no value.").arg(arg);
            target = true;
            return {};
        };

        QString problem;
        if (arg == QStringLiteral("--db")) {
            problem = value(request.dbPath);
        } else if (arg == QStringLiteral("--conversation")) {
            sawConversation = true;
            problem = ids(request.conversationIds);
        } else if (arg == QStringLiteral("--all")) {
            problem = flag(request.all);
        } else if (arg == QStringLiteral("--extractions")) {
            problem = flag(request.extractions);
        } else if (arg == QStringLiteral("--schema-id")) {
            sawSchema = true;
            problem = ids(request.schemaIds);
        } else if (arg == QStringLiteral("--format")) {
            problem = value(request.format);
        } else if (arg == QStringLiteral("--no-reasoning")) {
            problem = flag(request.noReasoning);
        } else if (arg == QStringLiteral("--bom")) {
            problem = flag(request.bom);
        } else if (arg == QStringLiteral("--with-source")) {
            problem = flag(request.withSource);
        } else if (arg == QStringLiteral("--out")) {
            problem = value(request.outPath);
        } else if (arg == QStringLiteral("--help") || arg == QStringLiteral("-h")) {
            request.help = true;
            return {};
        } else {
            problem = ExportCommand::tr("unknown argument '%1'.").arg(args[i]);
        }
        if (!problem.isEmpty())
            return problem;
    }

    if (request.extractions) {
        if (sawConversation || request.all)
            return ExportCommand::tr("--extractions cannot be combined with --conversation or --all.");
        if (request.noReasoning)
            return ExportCommand::tr("--no-reasoning applies to conversations, not to --extractions.");
        if (request.format != QStringLiteral("csv") && request.format != QStringLiteral("json"))
            return request.format.isEmpty() ? ExportCommand::tr("--extractions needs --format csv or --format json.")
                                            : ExportCommand::tr("extracted records export as csv or json, not '%1'.").arg(request.format);
        if ((request.bom || request.withSource) && request.format != QStringLiteral("csv"))
            return ExportCommand::tr("--bom and --with-source apply to --format csv only.");
        return {};
    }
    if (sawSchema || request.bom || request.withSource)
        return ExportCommand::tr("--schema-id, --bom and --with-source apply to --extractions only.");
    if (sawConversation == request.all)
        return ExportCommand::tr("choose the conversations: --conversation ID... or --all (not both).");
    if (request.format != QStringLiteral("markdown") && request.format != QStringLiteral("json"))
        return request.format.isEmpty() ? ExportCommand::tr("conversations need --format markdown or --format json.")
                                        : ExportCommand::tr("conversations export as markdown or json, not '%1'.").arg(request.format);
    return {};
}

storage::StorageResult<QByteArray> produce(const ExportRequest& request, storage::Connection& reader)
{
    if (request.extractions) {
        storage::StorageResult<QList<storage::ExtractionWithSource>> records =
            storage::ExtractionRepository(reader).listWithSource(request.schemaIds);
        if (!records.ok())
            return records.status();
        if (request.format == QStringLiteral("csv"))
            return exporting::CsvExport::write(records.value(), {request.bom, request.withSource});
        return exporting::recordsToJson(records.value());
    }
    storage::StorageResult<QList<exporting::ConversationBundle>> bundles =
        exporting::loadConversations(reader, request.all ? QList<qint64>() : request.conversationIds);
    if (!bundles.ok())
        return bundles.status();
    if (request.format == QStringLiteral("markdown"))
        return exporting::MarkdownExport::write(bundles.value(), {!request.noReasoning});
    return exporting::conversationsToJson(bundles.value(), {!request.noReasoning});
}

}  // namespace

QString exportUsage()
{
    return ExportCommand::tr("Usage:\n"
              "  lectern export [--db PATH] (--conversation ID... | --all) --format markdown|json\n"
              "                 [--no-reasoning] [--out FILE]\n"
              "  lectern export [--db PATH] --extractions [--schema-id ID...] --format csv|json\n"
              "                 [--bom] [--with-source] [--out FILE]\n"
              "\n"
              "Exports conversations or extracted records from Lectern's database without opening a window.\n"
              "The database is only read, never changed.\n"
              "\n"
              "  --db PATH            the database (default: %1)\n"
              "  --conversation ID... conversations to export, in this order (ids may also be comma-separated)\n"
              "  --all                every conversation, oldest first\n"
              "  --no-reasoning       leave out the model's reasoning\n"
              "  --extractions        export extracted records instead of conversations\n"
              "  --schema-id ID...    only records of these extraction schemas\n"
              "  --bom                start the CSV with a UTF-8 byte-order mark (for spreadsheet programs)\n"
              "  --with-source        add the columns source.file and source.page to the CSV\n"
              "  --out FILE           write to FILE (replaced atomically) instead of standard output\n")
        .arg(storage::Database::defaultPath());
}

int runExport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString prefix = QStringLiteral("lectern export: ");
    ExportRequest request;
    const QString problem = parse(args, request);
    if (request.help) {
        out << exportUsage();
        out.flush();
        return 0;
    }
    if (!problem.isEmpty()) {
        err << prefix << problem << '\n' << exportUsage();
        err.flush();
        return 2;
    }
    if (request.dbPath.isEmpty())
        request.dbPath = storage::Database::defaultPath();

    auto fail = [&](const QString& message) { return reportFailure(err, prefix, message); };
    storage::Database::Options options;
    options.readOnly = true;
    storage::StorageResult<storage::Database> database = storage::Database::open(request.dbPath, options);
    if (!database.ok())
        return fail(database.status().message());
    storage::StorageResult<std::unique_ptr<storage::Connection>> reader = database->openReader();
    if (!reader.ok())
        return fail(reader.status().message());
    storage::StorageResult<QByteArray> bytes = produce(request, *reader.value());
    if (!bytes.ok())
        return fail(bytes.status().message());

    if (!request.outPath.isEmpty()) {
        QSaveFile file(request.outPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes->size() || !file.commit())
            return fail(ExportCommand::tr("cannot write %1: %2").arg(request.outPath, file.errorString()));
        return 0;
    }
    // Bytes as they are (CR LF, byte-order mark), not re-encoded by the text stream, when it has a device.
    out.flush();
    if (QIODevice* device = out.device()) {
        if (device->write(bytes.value()) != bytes->size())
            return fail(ExportCommand::tr("cannot write the export: %1").arg(device->errorString()));
        if (auto* file = qobject_cast<QFileDevice*>(device); file && !file->flush())
            return fail(ExportCommand::tr("cannot write the export: %1").arg(file->errorString()));
    } else {
        out << QString::fromUtf8(bytes.value());
        out.flush();
    }
    return 0;
}

}  // namespace lectern::app
