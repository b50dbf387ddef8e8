// ask_command.cpp: argument parsing, attachment import, model load and one streamed turn behind `lectern ask`.
#include "app/headless/ask_command.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>

#include <limits>
#include <optional>

#include "app/chat/chat_service.h"
#include "app/headless/command_options.h"
#include "app/importers/import_service.h"
#include "app/storage/conversation_repository.h"
#include "app/storage/database.h"

namespace lectern::app {

namespace {

// Translation context for this command's messages.
class AskCommand {
    Q_DECLARE_TR_FUNCTIONS(AskCommand)
};

struct AskRequest {
    QString modelPath;
    QString mmprojPath;
    bool think = false;
    QStringList attachments;
    QString dbPath;
    std::optional<qint64> conversationId;
    chat::ComputeDevice device = chat::ComputeDevice::Auto;
    qint64 contextLength = 8192;
    chat::SamplingOverrides sampling;
    QString question;
    bool help = false;
};

// Empty string on success, otherwise the usage error.
QString parse(const QStringList& args, AskRequest& request)
{
    QStringList positional;
    CommandOptions options(args);
    while (options.next()) {
        if (!options.isOption()) {
            positional.append(options.name());
            continue;
        }
        const QString& arg = options.name();
        QString problem;
        if (arg == QStringLiteral("--model")) {
            problem = options.value(request.modelPath);
        } else if (arg == QStringLiteral("--mmproj")) {
            problem = options.value(request.mmprojPath);
        } else if (arg == QStringLiteral("--think")) {
            problem = options.flag(request.think);
        } else if (arg == QStringLiteral("--attach")) {
            QString path;
            problem = options.value(path);
            request.attachments.append(path);
        } else if (arg == QStringLiteral("--db")) {
            problem = options.value(request.dbPath);
        } else if (arg == QStringLiteral("--conversation")) {
            qint64 id = 0;
            problem = options.number(1, std::numeric_limits<qint64>::max(), id);
            request.conversationId = id;
        } else if (arg == QStringLiteral("--device")) {
            problem = options.device(request.device);
        } else if (arg == QStringLiteral("--context")) {
            problem = options.number(16, std::numeric_limits<int>::max(), request.contextLength);
        } else if (arg == QStringLiteral("--max-tokens")) {
            qint64 n = 0;
            problem = options.number(1, std::numeric_limits<int>::max(), n);
            request.sampling.maxTokens = int(n);
        } else if (arg == QStringLiteral("--seed")) {
            QString value;
            problem = options.value(value);
            bool ok = false;
            const quint64 seed = value.toULongLong(&ok);
            if (problem.isEmpty() && !ok)
                problem = AskCommand::tr("--seed takes a whole number from 0 to 18446744073709551615, not '%1'.").arg(value);
            request.sampling.seed = seed;
        } else if (arg == QStringLiteral("--greedy")) {
            problem = options.flag(request.sampling.greedy);
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
        return AskCommand::tr("--model is required.");
    if (positional.isEmpty())
        return AskCommand::tr("no question given.");
    if (positional.size() > 1)
        return AskCommand::tr("give the question as one argument (in quotes); '%1' is extra.").arg(positional[1]);
    request.question = positional.first();
    if (request.question.trimmed().isEmpty())
        return AskCommand::tr("the question is empty.");
    return {};
}

QString absolute(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

// Imports the files with the window's ImportService (and its cache); documents in the order given.
QList<ImportedDocument> importAll(const QStringList& paths)
{
    QList<ImportedDocument> documents(paths.size());
    if (paths.isEmpty())
        return documents;
    ImportService service;
    QHash<quint64, qsizetype> positions;
    qsizetype remaining = paths.size();
    QEventLoop loop;
    QObject::connect(&service, &ImportService::importFinished, &loop,
                     [&](quint64 id, const ImportedDocument& document) {
                         documents[positions.value(id)] = document;
                         if (--remaining == 0)
                             loop.quit();
                     });
    for (qsizetype i = 0; i < paths.size(); ++i)
        positions.insert(service.import(absolute(paths[i])), i);
    if (remaining > 0)
        loop.exec();
    return documents;
}

}  // namespace

QString askUsage()
{
    return AskCommand::tr(
               "Usage:\n"
               "  lectern ask --model MODEL [--mmproj FILE] [--think] [--attach FILE]... [--db PATH] [--conversation ID]\n"
               "              [--device auto|cpu|vulkan] [--max-tokens N] [--seed N] [--greedy] [--context N]\n"
               "              \"QUESTION\"\n"
               "\n"
               "Asks one question without opening a window, through the same import, prompt, engine and storage\n"
               "as the window, and saves the turn in the database.\n"
               "\n"
               "Output: the answer streams to standard output. The model's reasoning (--think) streams to standard\n"
               "error, as do warnings, the statistics and, last, the line \"conversation ID\": pass that ID to\n"
               "--conversation to ask a follow-up in the same conversation.\n"
               "\n"
               "  --model MODEL        a .gguf file or a HuggingFace model folder\n"
               "  --think              thinking mode: the model reasons before it answers\n"
               "  --mmproj FILE        the vision projector GGUF (default: the model folder's own vision tower, or\n"
               "                       mmproj-<model name>.gguf next to a GGUF model)\n"
               "  --attach FILE        a file for the question (repeatable): the text of PDFs and text files; images,\n"
               "                       scanned PDF pages and video frames when the model has a vision encoder\n"
               "                       (without one they are stored with the turn and a warning says so)\n"
               "  --db PATH            the database (default: %1)\n"
               "  --conversation ID    continue this conversation (its history is sent again)\n"
               "  --device DEVICE      auto (Vulkan when available), cpu or vulkan (default auto)\n"
               "  --max-tokens N       stop after N generated tokens, reasoning included\n"
               "  --seed N             sampling seed: the same question gives the same answer on the same device\n"
               "  --greedy             always take the most likely token (deterministic without a seed)\n"
               "  --context N          context length in tokens (default 8192)\n"
               "\n"
               "Exit status: 0 when the answer is complete or hit --max-tokens, 1 on an error, 2 on a usage error.\n")
        .arg(storage::Database::defaultPath());
}

int runAsk(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString prefix = QStringLiteral("lectern ask: ");
    AskRequest request;
    const QString problem = parse(args, request);
    if (const std::optional<int> exitCode = usageExit(request.help, problem, prefix, askUsage(), out, err))
        return *exitCode;
    auto fail = [&](const QString& message) { return reportFailure(err, prefix, message); };

    // Cheap checks first, so a typo does not cost a model load.
    if (!QFileInfo::exists(request.modelPath))
        return fail(AskCommand::tr("the model %1 does not exist. Give a .gguf file or a model folder with --model.")
                        .arg(request.modelPath));
    if (request.dbPath.isEmpty())
        request.dbPath = storage::Database::defaultPath();
    storage::StorageResult<storage::Database> database = storage::Database::open(request.dbPath);
    if (!database.ok())
        return fail(database.status().message());
    if (request.conversationId) {
        storage::StorageResult<std::unique_ptr<storage::Connection>> reader = database->openReader();
        if (!reader.ok())
            return fail(reader.status().message());
        storage::StorageResult<storage::Conversation> conversation =
            storage::ConversationRepository(*reader.value()).get(*request.conversationId);
        if (!conversation.ok())
            return fail(conversation.status().code() == storage::StorageErrorCode::NotFound
                            ? AskCommand::tr("there is no conversation %1 in %2. Leave out --conversation to start a new one.")
                                  .arg(*request.conversationId)
                                  .arg(request.dbPath)
                            : conversation.status().message());
    }
    const QList<ImportedDocument> documents = importAll(request.attachments);
    for (const ImportedDocument& document : documents) {
        if (!document.ok())
            return fail(AskCommand::tr("cannot attach %1: %2").arg(document.sourcePath, document.errorMessage));
        for (const QString& warning : document.warnings)
            err << prefix << AskCommand::tr("warning: %1: %2").arg(document.sourcePath, warning) << '\n';
    }
    err.flush();

    chat::ChatService chat(database.value());
    QEventLoop loop;
    QString loadError;
    QObject::connect(&chat, &chat::ChatService::modelLoaded, &loop, [&] { loop.quit(); });
    QObject::connect(&chat, &chat::ChatService::modelLoadFailed, &loop, [&](const QString& message) {
        loadError = message;
        loop.quit();
    });
    chat::ModelOptions modelOptions{absolute(request.modelPath), request.device, request.contextLength};
    if (!request.mmprojPath.isEmpty()) {
        if (!QFileInfo::exists(request.mmprojPath))
            return fail(AskCommand::tr("the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.")
                            .arg(request.mmprojPath));
        modelOptions.mmprojPath = absolute(request.mmprojPath);
    }
    chat.loadModel(modelOptions);
    loop.exec();
    if (!loadError.isEmpty())
        return fail(loadError);

    // Stream: the answer to `out`, reasoning to `err`, each piece flushed as it comes.
    bool reasoningOpen = false;
    QObject::connect(&chat, &chat::ChatService::warning, &loop, [&](const QString& message) {
        err << prefix << AskCommand::tr("warning: %1").arg(message) << '\n';
        err.flush();
    });
    QObject::connect(&chat, &chat::ChatService::reasoningDelta, &loop, [&](const QString& text) {
        reasoningOpen = true;
        err << text;
        err.flush();
    });
    QObject::connect(&chat, &chat::ChatService::answerDelta, &loop, [&](const QString& text) {
        if (reasoningOpen) {
            err << '\n';
            err.flush();
            reasoningOpen = false;
        }
        out << text;
        out.flush();
    });
    chat::TurnResult result;
    QObject::connect(&chat, &chat::ChatService::turnFinished, &loop, [&](const chat::TurnResult& finished) {
        result = finished;
        loop.quit();
    });
    chat::TurnRequest turn;
    turn.conversationId = request.conversationId;
    turn.question = request.question;
    turn.attachments = documents;
    turn.thinking = request.think;
    turn.sampling = request.sampling;
    chat.sendTurn(turn);
    loop.exec();

    out << '\n';
    out.flush();
    if (reasoningOpen)
        err << '\n';
    if (!result.statsSummary.isEmpty())
        err << prefix << result.statsSummary << '\n';
    int exitCode = 0;
    if (!result.ok()) {
        err << prefix << result.error << '\n';
        exitCode = 1;
    }
    if (result.conversationId != 0)
        err << AskCommand::tr("conversation %1").arg(result.conversationId) << '\n';
    err.flush();
    return exitCode;
}

}  // namespace lectern::app
