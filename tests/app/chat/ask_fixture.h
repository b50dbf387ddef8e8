// ask_fixture.h: helpers shared by the app.ask tests: running programs, making the tiny random-weight model with the
// real lectern-cli, and counting a conversation's prompt tokens independently of app/chat (lectern-cli prompt +
// tokenize on a hand-written conversation).
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace lectern::chat::testing {

struct ProcessRun {
    int exitCode = -1;  // -2: crashed; -1: did not start or timed out
    QByteArray out;
    QString err;
};

inline ProcessRun runProcess(const QString& program, const QStringList& args,
                             const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                             int timeoutMs = 120000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    ProcessRun run;
    if (!process.waitForStarted(10000)) {
        run.err = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return run;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("%1 timed out").arg(program);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

inline QString cliPath()
{
    return QStringLiteral(LECTERN_CLI_PATH);
}

// `lectern-cli make-test-model --shape tiny --format gguf --type f32 --seed 1`: 8 layers, hidden 256, a working
// tokenizer and the Qwen3.5 chat template. Empty string and *error on failure.
inline QString makeTinyModel(const QString& dir, QString* error)
{
    const QString path = QDir(dir).filePath(QStringLiteral("tiny.gguf"));
    const ProcessRun run = runProcess(cliPath(), {QStringLiteral("make-test-model"), QStringLiteral("--shape"), QStringLiteral("tiny"),
                                                  QStringLiteral("--format"), QStringLiteral("gguf"), QStringLiteral("--type"),
                                                  QStringLiteral("f32"), QStringLiteral("--seed"), QStringLiteral("1"),
                                                  QStringLiteral("--out"), path});
    if (run.exitCode != 0 || !QFile::exists(path)) {
        *error = QStringLiteral("lectern-cli make-test-model failed (exit %1): %2").arg(run.exitCode).arg(run.err);
        return {};
    }
    return path;
}

// Tokens of the prompt the model's chat template makes of `request` (HuggingFace apply_chat_template JSON).
inline std::optional<qint64> promptTokenCount(const QString& model, const QJsonObject& request, const QString& dir,
                                              QString* error)
{
    const QString conversationPath = QDir(dir).filePath(QStringLiteral("expected-conversation.json"));
    const QString promptPath = QDir(dir).filePath(QStringLiteral("expected-prompt.txt"));
    QFile conversation(conversationPath);
    if (!conversation.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || conversation.write(QJsonDocument(request).toJson()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(conversationPath);
        return std::nullopt;
    }
    conversation.close();
    const ProcessRun prompt = runProcess(cliPath(), {QStringLiteral("prompt"), model, QStringLiteral("--conversation"), conversationPath});
    if (prompt.exitCode != 0) {
        *error = QStringLiteral("lectern-cli prompt failed: %1").arg(prompt.err);
        return std::nullopt;
    }
    QFile promptFile(promptPath);
    if (!promptFile.open(QIODevice::WriteOnly | QIODevice::Truncate) || promptFile.write(prompt.out) != prompt.out.size()) {
        *error = QStringLiteral("cannot write %1").arg(promptPath);
        return std::nullopt;
    }
    promptFile.close();
    const ProcessRun tokens = runProcess(cliPath(), {QStringLiteral("tokenize"), model, QStringLiteral("--file"), promptPath,
                                                     QStringLiteral("--json")});
    if (tokens.exitCode != 0) {
        *error = QStringLiteral("lectern-cli tokenize failed: %1").arg(tokens.err);
        return std::nullopt;
    }
    const QJsonObject counted = QJsonDocument::fromJson(tokens.out).object();
    if (!counted.contains(QStringLiteral("count"))) {
        *error = QStringLiteral("lectern-cli tokenize --json gave no count: %1").arg(QString::fromUtf8(tokens.out));
        return std::nullopt;
    }
    return counted.value(QStringLiteral("count")).toInteger();
}

}  // namespace lectern::chat::testing
