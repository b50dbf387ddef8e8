// markdown_export.cpp: renders ConversationBundles as Markdown (format documented in the header).
#include "app/export/markdown_export.h"

#include <QFileInfo>

namespace lectern::exporting {

namespace {

QString normalizeNewlines(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

QString trimTrailingNewlines(QString text)
{
    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

QString blockQuote(const QString& text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& line : lines)
        line = line.isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + line;
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

QString MarkdownExport::escapeInline(const QString& text)
{
    static const QString special = QStringLiteral("\\`*_[]<>#|!~");
    QString escaped;
    escaped.reserve(text.size());
    for (QChar c : text) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            escaped += QLatin1Char(' ');
            continue;
        }
        if (special.contains(c))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return escaped;
}

namespace {

QString attachmentLine(const storage::Attachment& attachment)
{
    QStringList details{MarkdownExport::escapeInline(attachment.kind)};
    // Plain "1 page" / "N pages" rather than tr()'s %n plurals, which need a loaded translation to read well.
    if (attachment.pageCount)
        details << (*attachment.pageCount == 1 ? MarkdownExport::tr("1 page")
                                               : MarkdownExport::tr("%1 pages").arg(*attachment.pageCount));
    if (attachment.frameCount)
        details << (*attachment.frameCount == 1 ? MarkdownExport::tr("1 frame")
                                                : MarkdownExport::tr("%1 frames").arg(*attachment.frameCount));
    return QStringLiteral("*%1*").arg(
        MarkdownExport::tr("Attached: %1 (%2)")
            .arg(MarkdownExport::escapeInline(QFileInfo(attachment.originalPath).fileName()),
                 details.join(QStringLiteral(", "))));
}

QString roleHeading(storage::MessageRole role)
{
    switch (role) {
    case storage::MessageRole::System:
        return MarkdownExport::tr("System");
    case storage::MessageRole::User:
        return MarkdownExport::tr("User");
    case storage::MessageRole::Assistant:
        return MarkdownExport::tr("Assistant");
    }
    return {};
}

QString finishNote(storage::FinishReason reason)
{
    switch (reason) {
    case storage::FinishReason::Stop:
        return {};
    case storage::FinishReason::None:
        return MarkdownExport::tr("The answer was interrupted.");
    case storage::FinishReason::Length:
        return MarkdownExport::tr("The answer was cut off at the length limit.");
    case storage::FinishReason::Cancelled:
        return MarkdownExport::tr("The answer was stopped.");
    case storage::FinishReason::Error:
        return MarkdownExport::tr("The answer failed.");
    }
    return {};
}

// Blocks are joined with one blank line between them.
QString conversationMarkdown(const ConversationBundle& bundle, const MarkdownOptions& options)
{
    const storage::Conversation& c = bundle.conversation;
    QStringList blocks;
    blocks << QStringLiteral("# ")
                  + (c.title.trimmed().isEmpty() ? MarkdownExport::tr("Untitled conversation")
                                                 : MarkdownExport::escapeInline(c.title));
    QStringList meta;
    if (!c.model.isEmpty())
        meta << QStringLiteral("- ") + MarkdownExport::tr("Model: %1").arg(MarkdownExport::escapeInline(c.model));
    meta << QStringLiteral("- ")
                + MarkdownExport::tr("Thinking: %1").arg(c.thinking ? MarkdownExport::tr("on") : MarkdownExport::tr("off"));
    meta << QStringLiteral("- ")
                + MarkdownExport::tr("Created: %1")
                      .arg(c.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    blocks << meta.join(QLatin1Char('\n'));

    QStringList loose;
    for (const storage::Attachment& a : bundle.attachments)
        if (!a.messageId)
            loose << attachmentLine(a);
    if (!loose.isEmpty())
        blocks << loose.join(QLatin1Char('\n'));

    for (const storage::Message& m : bundle.messages) {
        blocks << QStringLiteral("## ") + roleHeading(m.role);
        const QString reasoning = trimTrailingNewlines(normalizeNewlines(m.reasoning));
        if (options.includeReasoning && !reasoning.isEmpty()) {
            const QString summary = m.reasoningMs
                ? MarkdownExport::tr("Reasoning (%1 s)").arg(QString::number(double(*m.reasoningMs) / 1000.0, 'f', 1))
                : MarkdownExport::tr("Reasoning");
            blocks << QStringLiteral("<details>\n<summary>%1</summary>").arg(summary.toHtmlEscaped());
            blocks << blockQuote(reasoning);
            blocks << QStringLiteral("</details>");
        }
        const QString content = trimTrailingNewlines(normalizeNewlines(m.content));
        if (!content.isEmpty())
            blocks << content;
        QStringList attached;
        for (const storage::Attachment& a : bundle.attachments)
            if (a.messageId && *a.messageId == m.id)
                attached << attachmentLine(a);
        if (!attached.isEmpty())
            blocks << attached.join(QLatin1Char('\n'));
        if (m.role == storage::MessageRole::Assistant) {
            const QString note = finishNote(m.finishReason);
            if (!note.isEmpty())
                blocks << QStringLiteral("*%1*").arg(note);
        }
    }
    return blocks.join(QStringLiteral("\n\n"));
}

}  // namespace

QByteArray MarkdownExport::write(const QList<ConversationBundle>& conversations, const MarkdownOptions& options)
{
    QStringList parts;
    for (const ConversationBundle& bundle : conversations)
        parts << conversationMarkdown(bundle, options);
    if (parts.isEmpty())
        return {};
    return (parts.join(QStringLiteral("\n\n---\n\n")) + QLatin1Char('\n')).toUtf8();
}

}  // namespace lectern::exporting
