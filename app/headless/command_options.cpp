// command_options.cpp: CommandOptions, the shared option reader of the headless commands.
#include "app/headless/command_options.h"

namespace lectern::app {

bool CommandOptions::next()
{
    while (++m_index < m_args.size()) {
        const QString& arg = m_args[m_index];
        m_inlineValue.reset();
        if (!m_optionsEnded && arg == QStringLiteral("--")) {
            m_optionsEnded = true;
            continue;
        }
        m_isOption = !m_optionsEnded && arg.startsWith(QStringLiteral("--"));
        m_name = arg;
        if (m_isOption && arg.contains(QLatin1Char('='))) {
            m_inlineValue = arg.section(QLatin1Char('='), 1);
            m_name = arg.section(QLatin1Char('='), 0, 0);
        }
        return true;
    }
    return false;
}

QString CommandOptions::value(QString& target)
{
    if (m_inlineValue)
        target = *m_inlineValue;
    else if (m_index + 1 < m_args.size())
        target = m_args[++m_index];
    else
        return tr("%1 needs a value.").arg(m_name);
    if (target.isEmpty())
        return tr("%1 needs a non-empty value.").arg(m_name);
    return {};
}

QString CommandOptions::number(qint64 minimum, qint64 maximum, qint64& target)
{
    QString text;
    QString problem = value(text);
    if (!problem.isEmpty())
        return problem;
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n < minimum || n > maximum)
        return tr("%1 takes a whole number from %2 to %3, not '%4'.").arg(m_name).arg(minimum).arg(maximum).arg(text);
    target = n;
    return {};
}

QString CommandOptions::flag(bool& target)
{
    if (m_inlineValue)
        return tr("%1 takes no value.").arg(m_name);
    target = true;
    return {};
}

QString CommandOptions::device(chat::ComputeDevice& target)
{
    QString name;
    QString problem = value(name);
    if (!problem.isEmpty())
        return problem;
    const std::optional<chat::ComputeDevice> device = chat::deviceFromName(name);
    if (!device)
        return tr("--device takes auto, cpu or vulkan, not '%1'.").arg(name);
    target = *device;
    return {};
}

QString CommandOptions::unknown() const
{
    return tr("unknown argument '%1'.").arg(m_args[m_index]);
}

std::optional<int> usageExit(bool help, const QString& problem, const QString& prefix, const QString& usage,
                             QTextStream& out, QTextStream& err)
{
    if (help) {
        out << usage;
        out.flush();
        return 0;
    }
    if (!problem.isEmpty()) {
        err << prefix << problem << '\n' << usage;
        err.flush();
        return 2;
    }
    return std::nullopt;
}

int reportFailure(QTextStream& err, const QString& prefix, const QString& message, int exitCode)
{
    err << prefix << message << '\n';
    err.flush();
    return exitCode;
}

}  // namespace lectern::app
