// command_options.h: the option reading the headless commands share: "--name value" or "--name=value", "--" ends
// the options, any other argument is positional; values, whole numbers in a range, flags and --device, each
// giving the usage error as a translated sentence (empty when the option was fine).
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

#include "app/chat/chat_types.h"

namespace lectern::app {

// Usage:
//   CommandOptions options(args);
//   while (options.next()) {
//       if (!options.isOption()) { files << options.name(); continue; }
//       if (options.name() == "--model") problem = options.value(modelPath); ...
//       else problem = options.unknown();
//   }
class CommandOptions {
    Q_DECLARE_TR_FUNCTIONS(CommandOptions)

public:
    explicit CommandOptions(const QStringList& args) : m_args(args) {}

    // Moves to the next argument; false after the last.
    bool next();
    // The current argument is an option (it starts with "--" and comes before a "--").
    bool isOption() const { return m_isOption; }
    // The option without any "=value", or the positional argument.
    const QString& name() const { return m_name; }

    // The option's value: "--name=value" or the next argument; it must not be empty.
    QString value(QString& target);
    // A whole number from minimum to maximum.
    QString number(qint64 minimum, qint64 maximum, qint64& target);
    // An option without a value.
    QString flag(bool& target);
    // auto, cpu or vulkan.
    QString device(chat::ComputeDevice& target);
    // The error for an option the command does not know.
    QString unknown() const;

private:
    const QStringList m_args;
    int m_index = -1;
    bool m_optionsEnded = false;
    bool m_isOption = false;
    QString m_name;
    std::optional<QString> m_inlineValue;
};

// After parsing: --help prints the usage to out (exit 0), a usage error goes to err as "<prefix><problem>" and the
// usage (exit 2); nullopt when the command goes on.
std::optional<int> usageExit(bool help, const QString& problem, const QString& prefix, const QString& usage,
                             QTextStream& out, QTextStream& err);

// Writes "<prefix><message>" to err and returns exitCode: how a command ends on an error.
int reportFailure(QTextStream& err, const QString& prefix, const QString& message, int exitCode = 1);

}  // namespace lectern::app
