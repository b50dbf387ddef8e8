// prompt_builder.cpp: document blocks in the user message, history to ChatRequest, warnings for unseen content.
#include "app/chat/prompt_builder.h"

#include <QFileInfo>

namespace lectern::chat {

namespace {

QString escapedName(QString name)
{
    name.replace(QLatin1Char('&'), QStringLiteral("&amp;"));
    name.replace(QLatin1Char('<'), QStringLiteral("&lt;"));
    name.replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    name.replace(QLatin1Char('"'), QStringLiteral("&quot;"));
    return name;
}

QString fileName(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? path : name;
}

ChatMessage textMessage(ChatRole role, const QString& text)
{
    return ChatMessage::make(role, text.toStdString());
}

}  // namespace

QString PromptBuilder::userMessageText(const QString& question, const QList<DocumentText>& documents)
{
    QString text;
    for (const DocumentText& document : documents) {
        text += QStringLiteral("<document name=\"") + escapedName(document.name) + QStringLiteral("\">\n");
        text += document.text;
        if (!document.text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char('\n');
        text += QStringLiteral("</document>\n\n");
    }
    return text + question;
}

std::optional<DocumentText> PromptBuilder::readableText(const app::ImportedDocument& document, QStringList* warnings)
{
    const QString name = fileName(document.sourcePath);
    auto warn = [&](const QString& message) {
        if (warnings)
            warnings->append(message);
    };
    switch (document.kind) {
    case app::DocumentKind::Image:
        warn(tr("%1 is an image. The model cannot see images yet: the file is kept with the conversation, "
                "but the answer does not use it.").arg(name));
        return std::nullopt;
    case app::DocumentKind::Video:
        warn(tr("%1 is a video. The model cannot see videos yet: the file is kept with the conversation, "
                "but the answer does not use it.").arg(name));
        return std::nullopt;
    case app::DocumentKind::Pdf:
    case app::DocumentKind::Text:
    case app::DocumentKind::Unknown:
        break;
    }
    int imagePages = 0;
    for (const app::DocumentPage& page : document.pages)
        imagePages += page.imagePage ? 1 : 0;
    const QString text = document.text();
    if (text.trimmed().isEmpty()) {
        warn(tr("%1 has no text the model can read (scanned pages are not supported yet); the answer does not use it.")
                 .arg(name));
        return std::nullopt;
    }
    if (imagePages > 0)
        warn(tr("%n page(s) of %1 have no text layer and are left out: the model cannot see page images yet.",
                nullptr, imagePages)
                 .arg(name));
    return DocumentText{name, text};
}

std::optional<DocumentText> PromptBuilder::readableText(const storage::Attachment& attachment)
{
    if (!attachment.extractedText || attachment.extractedText->trimmed().isEmpty())
        return std::nullopt;
    return DocumentText{fileName(attachment.originalPath), *attachment.extractedText};
}

ChatRequest PromptBuilder::buildRequest(const QList<storage::Message>& history,
                                        const QList<storage::Attachment>& historyAttachments, const QString& question,
                                        const QList<DocumentText>& documents, bool thinking)
{
    ChatRequest request;
    for (const storage::Message& message : history) {
        switch (message.role) {
        case storage::MessageRole::System:
            request.messages.push_back(textMessage(ChatRole::System, message.content));
            break;
        case storage::MessageRole::User: {
            QList<DocumentText> attached;
            for (const storage::Attachment& attachment : historyAttachments) {
                if (attachment.messageId != message.id)
                    continue;
                if (std::optional<DocumentText> text = readableText(attachment))
                    attached.append(*text);
            }
            request.messages.push_back(textMessage(ChatRole::User, userMessageText(message.content, attached)));
            break;
        }
        case storage::MessageRole::Assistant: {
            if (message.content.isEmpty() && message.reasoning.isEmpty())
                break;  // nothing was generated (or saved) before the answer ended
            ChatMessage reply = textMessage(ChatRole::Assistant, message.content);
            if (!message.reasoning.isEmpty())
                reply.reasoning_content = message.reasoning.toStdString();
            request.messages.push_back(std::move(reply));
            break;
        }
        }
    }
    request.messages.push_back(textMessage(ChatRole::User, userMessageText(question, documents)));
    request.enable_thinking = thinking;
    request.add_generation_prompt = true;
    return request;
}

}  // namespace lectern::chat
