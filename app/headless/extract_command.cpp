// extract_command.cpp: argument parsing, schema choice, the batch through ExtractionService, and the export.
#include "app/headless/extract_command.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <limits>
#include <optional>

#include "app/export/csv_export.h"
#include "app/export/json_export.h"
#include "app/extract/extraction_service.h"
#include "app/extract/extraction_templates.h"
#include "app/headless/command_options.h"
#include "app/storage/database.h"

namespace lectern::app {

namespace {

class ExtractCommand {
    Q_DECLARE_TR_FUNCTIONS(ExtractCommand)
};

struct ExtractRequest {
    QString modelPath;
    QString schemaPath;
    QString templateName;
    QStringList files;
    QString outPath;
    QString dbPath;
    chat::ComputeDevice device = chat::ComputeDevice::Auto;
    qint64 contextLength = 8192;
    qint64 maxTokens = 1024;
    bool think = false;
    bool help = false;
};

QString parse(const QStringList& args, ExtractRequest& request)
{
    CommandOptions options(args);
    while (options.next()) {
        if (!options.isOption()) {
            request.files << options.name();
            continue;
        }
        const QString& arg = options.name();
        QString problem;
        if (arg == QStringLiteral("--model")) {
            problem = options.value(request.modelPath);
        } else if (arg == QStringLiteral("--schema")) {
            problem = options.value(request.schemaPath);
        } else if (arg == QStringLiteral("--template")) {
            problem = options.value(request.templateName);
        } else if (arg == QStringLiteral("--out")) {
            problem = options.value(request.outPath);
        } else if (arg == QStringLiteral("--db")) {
            problem = options.value(request.dbPath);
        } else if (arg == QStringLiteral("--device")) {
            problem = options.device(request.device);
        } else if (arg == QStringLiteral("--context")) {
            problem = options.number(64, std::numeric_limits<int>::max(), request.contextLength);
        } else if (arg == QStringLiteral("--max-tokens")) {
            problem = options.number(1, std::numeric_limits<int>::max(), request.maxTokens);
        } else if (arg == QStringLiteral("--think")) {
            problem = options.flag(request.think);
        } else if (arg == QStringLiteral("--help")) {
            request.help = true;
            return {};
        } else {
            problem = options.unknown();
        }
        if (!problem.isEmpty())
            return problem;
    }
    if (request.modelPath.isEmpty())
        return ExtractCommand::tr("--model is required.");
    if (request.schemaPath.isEmpty() == request.templateName.isEmpty())
        return ExtractCommand::tr("give either --schema FILE or --template NAME (%1).")
            .arg(extract::ExtractionTemplates::names().join(QStringLiteral(", ")));
    if (request.files.isEmpty())
        return ExtractCommand::tr("no files given.");
    if (request.outPath.isEmpty())
        return ExtractCommand::tr("--out is required (a .csv or .json file).");
    const QString suffix = QFileInfo(request.outPath).suffix().toLower();
    if (suffix != QStringLiteral("csv") && suffix != QStringLiteral("json"))
        return ExtractCommand::tr("--out must end in .csv or .json, not '%1'.").arg(request.outPath);
    return {};
}

}  // namespace

QString extractUsage()
{
    return ExtractCommand::tr(
               "Usage:\n"
               "  lectern extract --model MODEL (--schema SCHEMA.json | --template NAME) FILE... --out ROWS.csv|ROWS.json\n"
               "                  [--device auto|cpu|vulkan] [--db PATH] [--max-tokens N] [--context N] [--think]\n"
               "\n"
               "Extracts structured data from each file with JSON-schema-constrained decoding: the model's answer\n"
               "always parses and follows the schema. A schema whose top level is an object gives one row per file;\n"
               "an array of objects gives one row per item (per page for PDFs). Rows are stored in the database with\n"
               "their source file and page, and written to --out (CSV with source columns, or JSON).\n"
               "\n"
               "  --model MODEL      a .gguf file or a HuggingFace model folder\n"
               "  --schema FILE      a JSON Schema (objects, arrays, strings with enum / maxLength / date, date-time,\n"
               "                     email formats, numbers, integers, booleans, null, anyOf)\n"
               "  --template NAME    a built-in schema: %1\n"
               "  --out FILE         where the rows go; .csv or .json\n"
               "  --device DEVICE    auto (Vulkan when available), cpu or vulkan (default auto)\n"
               "  --db PATH          the database (default: %2)\n"
               "  --max-tokens N     tokens per answer (default 1024); values are closed in time to fit\n"
               "  --context N        context length in tokens (default 8192); long documents are cut to fit\n"
               "  --think            let the model reason first (off by default for extraction)\n"
               "\n"
               "Progress goes to standard error. Exit status: 0 when every file was extracted, 1 when a file or the\n"
               "model failed (the other rows are still written), 2 on a usage error or an unusable schema.\n")
        .arg(extract::ExtractionTemplates::names().join(QStringLiteral(", ")), storage::Database::defaultPath());
}

int runExtract(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString prefix = QStringLiteral("lectern extract: ");
    ExtractRequest request;
    const QString problem = parse(args, request);
    if (const std::optional<int> exitCode = usageExit(request.help, problem, prefix, extractUsage(), out, err))
        return *exitCode;
    auto fail = [&](const QString& message, int code = 1) { return reportFailure(err, prefix, message, code); };

    // The schema first: a bad one is a usage error, found before the model loads.
    QByteArray schemaJson;
    QString schemaName;
    if (!request.templateName.isEmpty()) {
        const std::optional<extract::ExtractionTemplate> t = extract::ExtractionTemplates::byName(request.templateName);
        if (!t)
            return fail(ExtractCommand::tr("there is no template '%1'; the templates are %2.")
                            .arg(request.templateName, extract::ExtractionTemplates::names().join(QStringLiteral(", "))),
                        2);
        schemaJson = t->schemaJson;
        schemaName = t->name;
    } else {
        QFile file(request.schemaPath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ExtractCommand::tr("cannot read the schema %1: %2").arg(request.schemaPath, file.errorString()), 2);
        schemaJson = file.readAll();
        schemaName = QFileInfo(request.schemaPath).completeBaseName();
    }
    const QString schemaProblem = extract::ExtractionTemplates::check(schemaJson);
    if (!schemaProblem.isEmpty())
        return fail(ExtractCommand::tr("%1: %2").arg(request.schemaPath.isEmpty() ? schemaName : request.schemaPath,
                                                     schemaProblem),
                    2);
    for (const QString& file : request.files)
        if (!QFileInfo(file).isFile())
            return fail(ExtractCommand::tr("%1 is not a file.").arg(file));
    if (!QFileInfo::exists(request.modelPath))
        return fail(ExtractCommand::tr("the model %1 does not exist. Give a .gguf file or a model folder with --model.")
                        .arg(request.modelPath));

    if (request.dbPath.isEmpty())
        request.dbPath = storage::Database::defaultPath();
    storage::StorageResult<storage::Database> database = storage::Database::open(request.dbPath);
    if (!database.ok())
        return fail(database.status().message());

    // The window may share this database: its queued and running jobs are left alone.
    extract::ExtractionService service(database.value(), nullptr, extract::ExtractionService::Recovery::LeaveOthers);
    extract::ExtractionOptions options;
    options.maxTokens = int(request.maxTokens);
    options.thinking = request.think;
    service.setOptions(options);

    QEventLoop loop;
    QString loadError;
    QObject::connect(&service, &extract::ExtractionService::modelLoaded, &loop, [&] { loop.quit(); });
    QObject::connect(&service, &extract::ExtractionService::modelLoadFailed, &loop, [&](const QString& message) {
        loadError = message;
        loop.quit();
    });
    service.loadModel({QFileInfo(request.modelPath).absoluteFilePath(), request.device, request.contextLength});
    loop.exec();
    if (!loadError.isEmpty())
        return fail(loadError);

    storage::StorageResult<qint64> schemaId = service.addSchema(schemaName, schemaJson);
    if (!schemaId.ok())
        return fail(schemaId.status().message());
    storage::StorageResult<QList<qint64>> jobIds = service.enqueue(schemaId.value(), request.files);
    if (!jobIds.ok())
        return fail(jobIds.status().message());

    // Only this command's jobs: jobs another run left queued in the same database wait for the window.
    const QList<qint64> mine = jobIds.value();
    QHash<qint64, QString> paths;
    for (qsizetype i = 0; i < mine.size(); ++i)
        paths.insert(mine[i], request.files[i]);
    int finished = 0, failed = 0, rows = 0;
    QObject::connect(&service, &extract::ExtractionService::jobProgress, &loop, [&](qint64 job, int done, int total) {
        if (total > 1)
            err << prefix << QStringLiteral("[%1/%2] %3: part %4 of %5").arg(finished + 1).arg(mine.size())
                                 .arg(paths.value(job)).arg(done).arg(total) << '\n';
        err.flush();
    });
    QObject::connect(&service, &extract::ExtractionService::jobFinished, &loop,
                     [&](qint64 job, const QString& state, const QString& error, int count) {
                         if (!paths.contains(job))
                             return;
                         ++finished;
                         rows += count;
                         const bool ok = state == storage::jobStateName(storage::JobState::Done);
                         failed += ok ? 0 : 1;
                         err << prefix << QStringLiteral("[%1/%2] %3: ").arg(finished).arg(mine.size()).arg(paths.value(job))
                             << (ok ? ExtractCommand::tr("%n record(s)", nullptr, count) : state)
                             << (error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(error)) << '\n';
                         err.flush();
                         if (finished == mine.size())
                             loop.quit();
                     });
    QObject::connect(&service, &extract::ExtractionService::idle, &loop, [&] { loop.quit(); });
    // Only this command's jobs run; jobs another run left queued stay queued for the window.
    service.start(mine);
    if (finished < mine.size())
        loop.exec();
    service.pause();

    storage::StorageResult<QList<storage::ExtractionWithSource>> records = service.records({schemaId.value()});
    if (!records.ok())
        return fail(records.status().message());
    storage::StorageResult<QByteArray> bytes = storage::StorageStatus(storage::StorageErrorCode::Ok, {});
    if (QFileInfo(request.outPath).suffix().toLower() == QStringLiteral("csv")) {
        exporting::CsvOptions csv;
        csv.includeSource = true;
        bytes = exporting::CsvExport::write(records.value(), csv);
    } else {
        bytes = exporting::recordsToJson(records.value());
    }
    if (!bytes.ok())
        return fail(bytes.status().message());
    QSaveFile file(request.outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes->size() || !file.commit())
        return fail(ExtractCommand::tr("cannot write %1: %2").arg(request.outPath, file.errorString()));
    err << prefix << ExtractCommand::tr("%1 rows from %2 files written to %3").arg(rows).arg(mine.size()).arg(request.outPath)
        << '\n';
    err.flush();
    return failed > 0 || finished < mine.size() ? 1 : 0;
}

}  // namespace lectern::app
