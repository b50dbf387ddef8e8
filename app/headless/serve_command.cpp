// serve_command.cpp: argument parsing, model load, the ApiServer and the signal-driven shutdown behind `lectern serve`.
#include "app/headless/serve_command.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <csignal>
#include <fcntl.h>
#include <limits>
#include <unistd.h>

#include "app/chat/chat_service.h"
#include "app/headless/command_options.h"
#include "app/server/api_server.h"
#include "app/settings/settings.h"
#include "app/storage/database.h"

namespace lectern::app {

namespace {

// Translation context for this command's messages.
class ServeCommand {
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)
};

struct ServeRequest {
    QString modelPath;
    QString mmprojPath;
    std::optional<chat::ComputeDevice> device;
    std::optional<qint64> contextLength;
    server::ServerOptions server;
    bool help = false;
};

QString parse(const QStringList& args, ServeRequest& request)
{
    CommandOptions options(args);
    while (options.next()) {
        if (!options.isOption())
            return ServeCommand::tr("'%1' is not an option; serve takes only options.").arg(options.name());
        const QString& arg = options.name();
        QString problem;
        if (arg == QStringLiteral("--model")) {
            problem = options.value(request.modelPath);
        } else if (arg == QStringLiteral("--mmproj")) {
            problem = options.value(request.mmprojPath);
        } else if (arg == QStringLiteral("--device")) {
            chat::ComputeDevice device = chat::ComputeDevice::Auto;
            problem = options.device(device);
            request.device = device;
        } else if (arg == QStringLiteral("--context")) {
            qint64 n = 0;
            problem = options.number(16, std::numeric_limits<int>::max(), n);
            request.contextLength = n;
        } else if (arg == QStringLiteral("--host")) {
            problem = options.value(request.server.host);
        } else if (arg == QStringLiteral("--port")) {
            qint64 port = 0;
            problem = options.number(0, 65535, port);
            request.server.port = quint16(port);
        } else if (arg == QStringLiteral("--api-key")) {
            problem = options.value(request.server.apiKey);
        } else if (arg == QStringLiteral("--max-body-mb")) {
            qint64 mb = 0;
            problem = options.number(1, 4096, mb);
            request.server.maxBodyBytes = mb << 20;
        } else if (arg == QStringLiteral("--max-queue")) {
            qint64 n = 0;
            problem = options.number(1, 256, n);
            request.server.maxQueued = int(n);
        } else if (arg == QStringLiteral("--no-file-paths")) {
            bool noFiles = false;
            problem = options.flag(noFiles);
            request.server.allowFilePaths = !noFiles;
        } else if (arg == QStringLiteral("--help")) {
            request.help = true;
            return {};
        } else {
            problem = options.unknown();
        }
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

QString absolute(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

bool isLoopback(const QString& host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// SIGINT/SIGTERM -> a byte on a pipe -> a QSocketNotifier on the main thread: nothing but write() in the handler.
int g_signalPipe[2] = {-1, -1};

void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

}  // namespace

QString serveUsage()
{
    return ServeCommand::tr(
        "Usage:\n"
        "  lectern serve [--model MODEL] [--mmproj FILE] [--device auto|cpu|vulkan] [--context N]\n"
        "                [--host 127.0.0.1] [--port 8080] [--api-key KEY] [--max-body-mb N] [--max-queue N]\n"
        "                [--no-file-paths]\n"
        "\n"
        "Serves the model through a local OpenAI-compatible API without opening a window:\n"
        "GET /health, GET /v1/models and POST /v1/chat/completions (streaming with server-sent events,\n"
        "pictures as data URLs or file paths, thinking with \"enable_thinking\", JSON schemas in\n"
        "\"response_format\", tool calls). Requests are answered one after another by the one model.\n"
        "Nothing is stored in Lectern's conversations.\n"
        "\n"
        "Once serving, it prints \"Lectern API server listening on http://HOST:PORT (model NAME)\" to standard\n"
        "output; one line per request goes to standard error. Ctrl+C (SIGINT) or SIGTERM stops it.\n"
        "\n"
        "  --model MODEL      a .gguf file or a HuggingFace model folder (default: the model chosen in Lectern's\n"
        "                     settings)\n"
        "  --mmproj FILE      the vision projector GGUF (default: found next to the model)\n"
        "  --device DEVICE    auto (Vulkan when available), cpu or vulkan (default: the settings' choice)\n"
        "  --context N        context length in tokens per request (default: the settings' choice, else 8192)\n"
        "  --host ADDRESS     the address to listen on (default 127.0.0.1: this computer only)\n"
        "  --port N           the port (default 8080; 0 picks a free one)\n"
        "  --api-key KEY      clients must send \"Authorization: Bearer KEY\" (default: the environment variable\n"
        "                     LECTERN_API_KEY; none when unset)\n"
        "  --max-body-mb N    larger request bodies are refused with 413 (default 64)\n"
        "  --max-queue N      requests running or waiting beyond N are refused with 429 (default 16)\n"
        "  --no-file-paths    pictures only as data URLs: refuse image_url parts that name local files\n"
        "\n"
        "Exit status: 0 when stopped by a signal, 1 when the model cannot be loaded or the port not bound,\n"
        "2 on a usage error.\n");
}

int runServe(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString prefix = QStringLiteral("lectern serve: ");
    ServeRequest request;
    const QString problem = parse(args, request);
    if (const std::optional<int> exitCode = usageExit(request.help, problem, prefix, serveUsage(), out, err))
        return *exitCode;
    auto fail = [&](const QString& message) { return reportFailure(err, prefix, message); };

    // The settings' model, device and context unless given.
    const Settings settings;
    if (request.modelPath.isEmpty())
        request.modelPath = settings.modelPath();
    if (request.modelPath.isEmpty())
        return fail(ServeCommand::tr("no model is chosen. Give a .gguf file or a model folder with --model, or "
                                     "choose one in Lectern's settings."));
    if (!QFileInfo::exists(request.modelPath))
        return fail(ServeCommand::tr("the model %1 does not exist. Give a .gguf file or a model folder with --model.")
                        .arg(request.modelPath));
    if (request.server.apiKey.isEmpty())
        request.server.apiKey = qEnvironmentVariable("LECTERN_API_KEY").trimmed();
    if (!isLoopback(request.server.host) && request.server.apiKey.isEmpty())
        err << prefix
            << ServeCommand::tr("warning: listening on %1 without an API key: anyone who can reach this computer "
                                "can use the model. Set --api-key or LECTERN_API_KEY.")
                   .arg(request.server.host)
            << '\n';

    chat::ModelOptions modelOptions;
    modelOptions.modelPath = absolute(request.modelPath);
    modelOptions.device = request.device.value_or(chat::deviceFromName(settings.device()).value_or(chat::ComputeDevice::Auto));
    modelOptions.contextLength = request.contextLength.value_or(settings.contextLength() > 0 ? settings.contextLength() : 8192);
    modelOptions.kvType = settings.kvCachePrecision();
    modelOptions.visionPixels.imageMaxPixels = settings.imageMaxPixels();
    modelOptions.videoSampling.fps = settings.videoFps();
    modelOptions.videoSampling.maxFrames = settings.videoMaxFrames();
    if (!request.mmprojPath.isEmpty()) {
        if (!QFileInfo::exists(request.mmprojPath))
            return fail(ServeCommand::tr("the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.")
                            .arg(request.mmprojPath));
        modelOptions.mmprojPath = absolute(request.mmprojPath);
    }

    // API completions store nothing, but ChatService needs a database: a private empty one in a temporary folder,
    // so that serving never creates, migrates or locks the user's conversations database.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return fail(ServeCommand::tr("cannot create a temporary folder: %1").arg(scratch.errorString()));
    storage::StorageResult<storage::Database> database =
        storage::Database::open(QDir(scratch.path()).filePath(QStringLiteral("serve.sqlite")));
    if (!database.ok())
        return fail(database.status().message());

    chat::ChatService chat(database.value());
    QEventLoop loop;
    QString loadError;
    std::optional<chat::ModelInfo> loaded;
    QObject::connect(&chat, &chat::ChatService::modelLoaded, &loop, [&](const chat::ModelInfo& info) {
        loaded = info;
        loop.quit();
    });
    QObject::connect(&chat, &chat::ChatService::modelLoadFailed, &loop, [&](const QString& message) {
        loadError = message;
        loop.quit();
    });
    chat.loadModel(modelOptions);
    loop.exec();
    if (!loaded)
        return fail(loadError);
    if (!loaded->fallbackReason.isEmpty())
        err << prefix << ServeCommand::tr("note: %1").arg(loaded->fallbackReason) << '\n';

    // Stop on SIGINT/SIGTERM (installed before listening, so that no signal is lost in between).
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return fail(ServeCommand::tr("cannot set up the signal handling."));
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    struct sigaction oldInt = {}, oldTerm = {};
    ::sigaction(SIGINT, &action, &oldInt);
    ::sigaction(SIGTERM, &action, &oldTerm);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &loop, [&] {
        char buffer[16];
        while (::read(g_signalPipe[0], buffer, sizeof buffer) > 0) {
        }
        loop.quit();
    });
    auto restoreSignals = [&] {
        ::sigaction(SIGINT, &oldInt, nullptr);
        ::sigaction(SIGTERM, &oldTerm, nullptr);
        notifier.setEnabled(false);
        ::close(g_signalPipe[0]);
        ::close(g_signalPipe[1]);
        g_signalPipe[0] = g_signalPipe[1] = -1;
    };

    server::ApiServer api(chat);
    QObject::connect(&api, &server::ApiServer::requestLogged, &loop, [&](const QString& line) {
        err << prefix << line << '\n';
        err.flush();
    });
    if (!api.start(request.server)) {
        restoreSignals();
        return fail(api.errorString());
    }
    // Not translated: scripts read this line.
    out << QStringLiteral("Lectern API server listening on %1 (model %2)").arg(api.url(), loaded->modelName) << '\n';
    out.flush();
    err.flush();
    loop.exec();

    err << prefix << ServeCommand::tr("stopping") << '\n';
    err.flush();
    api.stop();
    restoreSignals();
    return 0;
}

}  // namespace lectern::app
