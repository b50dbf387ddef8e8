// prompt_builder.cpp: document blocks in the user message, history (with its pictures) to ChatRequest, warnings for
// unseen content.
#include "app/chat/prompt_builder.h"

#include <QFileInfo>
#include <QImage>

#include <algorithm>
#include <cstring>

#include "app/importers/vision_budget.h"

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

// RGB8 rows without padding, [height][width][3].
std::vector<uint8_t> rgbBytes(const QImage& image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const size_t rowBytes = size_t(rgb.width()) * 3;
    std::vector<uint8_t> bytes(rowBytes * size_t(rgb.height()));
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(bytes.data() + rowBytes * size_t(y), rgb.constScanLine(y), rowBytes);
    return bytes;
}

// The picture scaled to exactly `size` when it differs (aspect as the smart resize chose it).
QImage toSize(const QImage& image, QSize size)
{
    if (image.size() == size)
        return image;
    return image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

// The message's content as [pictures..., text] when there are pictures.
void putVisualsFirst(ChatMessage& message, const QList<VisualInput>& visuals)
{
    if (visuals.isEmpty())
        return;
    std::vector<ContentPart> content;
    content.reserve(size_t(visuals.size()) + message.content.size());
    for (const VisualInput& visual : visuals)
        content.push_back(visual.part);
    for (ContentPart& part : message.content)
        content.push_back(std::move(part));
    message.content = std::move(content);
}

// RGB8 bytes [height][width][3] as a QImage (a deep copy), and back at half of each side.
std::vector<uint8_t> halvedRgb(const std::vector<uint8_t>& rgb, int width, int height, QSize half)
{
    const QImage image(rgb.data(), width, height, width * 3, QImage::Format_RGB888);
    return rgbBytes(image.scaled(half, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
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

std::optional<DocumentText> PromptBuilder::readableText(const app::ImportedDocument& document, QStringList* warnings,
                                                        bool modelSees)
{
    const QString name = fileName(document.sourcePath);
    auto warn = [&](const QString& message) {
        if (warnings)
            warnings->append(message);
    };
    switch (document.kind) {
    case app::DocumentKind::Image:
        if (modelSees)
            return std::nullopt;  // sent as pixels (visualInputs)
        warn(tr("%1 is an image. The loaded model cannot see images (it has no vision encoder: load its mmproj "
                "file): the file is kept with the conversation, but the answer does not use it.").arg(name));
        return std::nullopt;
    case app::DocumentKind::Video:
        if (modelSees)
            return std::nullopt;
        warn(tr("%1 is a video. The loaded model cannot see videos (it has no vision encoder: load its mmproj "
                "file): the file is kept with the conversation, but the answer does not use it.").arg(name));
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
        if (modelSees && imagePages > 0)
            return std::nullopt;  // only page images: they are sent as pixels
        warn(tr("%1 has no text the model can read, and the loaded model cannot see page images (it has no vision "
                   "encoder); the answer does not use it.")
                 .arg(name));
        return std::nullopt;
    }
    if (imagePages > 0 && !modelSees)
        warn(tr("%n page(s) of %1 have no text layer and are left out: the loaded model cannot see page images (it has "
                "no vision encoder).",
                nullptr, imagePages)
                 .arg(name));
    return DocumentText{name, text};
}

QList<VisualInput> PromptBuilder::visualInputs(const app::ImportedDocument& document,
                                               const app::VisionPixelBudget& budget, QStringList* warnings)
{
    QList<VisualInput> inputs;
    const QString name = fileName(document.sourcePath);
    auto warn = [&](const QString& message) {
        if (warnings)
            warnings->append(message);
    };
    if (!document.images) {
        if (document.kind == app::DocumentKind::Image || document.kind == app::DocumentKind::Video)
            warn(tr("%1 has no decodable pictures; the answer does not use it.").arg(name));
        return inputs;
    }
    const app::ResizeParams imageParams = app::ResizeParams::image(budget);
    if (document.kind == app::DocumentKind::Image || document.kind == app::DocumentKind::Pdf) {
        for (int i = 0; i < document.pages.size(); ++i) {
            const app::DocumentPage& page = document.pages.at(i);
            if (document.kind == app::DocumentKind::Pdf && !page.imagePage)
                continue;
            const QString label = document.kind == app::DocumentKind::Pdf ? tr("page %1").arg(page.number) : tr("image");
            QString error;
            QImage image = document.images->image(document.kind == app::DocumentKind::Pdf ? i : 0, QSize(), &error);
            const std::optional<QSize> target = image.isNull() ? std::nullopt : app::smartResize(image.size(), imageParams);
            if (image.isNull() || !target) {
                warn(tr("The %1 of %2 cannot be sent to the model (%3); the answer does not use it.")
                         .arg(label, name, image.isNull() ? error : tr("its aspect ratio is above 200:1")));
                continue;
            }
            if (qint64(image.width()) * image.height() > imageParams.maxPixels)
                image = toSize(image, *target);  // the engine would shrink it to this size anyway
            inputs.append(VisualInput{name, label,
                                      ContentPart::make_image_rgb(uint32_t(image.width()), uint32_t(image.height()),
                                                                  rgbBytes(image), document.sourcePath.toStdString())});
        }
        return inputs;
    }
    if (document.kind != app::DocumentKind::Video || document.frames.isEmpty())
        return inputs;
    // Video: every sampled frame at one size; the whole clip shares the pixel budget.
    QList<QImage> frames;
    std::vector<double> times;
    for (int i = 0; i < document.frames.size(); ++i) {
        QString error;
        QImage frame = document.images->image(i, QSize(), &error);
        if (frame.isNull()) {
            warn(tr("Frame %1 of %2 cannot be decoded (%3); it is left out.").arg(i + 1).arg(name, error));
            continue;
        }
        if (!frames.isEmpty() && frame.size() != frames.first().size())
            frame = toSize(frame, frames.first().size());
        frames.append(frame);
        times.push_back(document.frames.at(i).timestamp);
    }
    if (frames.isEmpty())
        return inputs;
    const app::ResizeParams videoParams = app::ResizeParams::video(budget);
    const QSize size = frames.first().size();
    const std::optional<QSize> target = app::smartResizeVideo(int(frames.size()), size, videoParams);
    if (!target) {
        warn(tr("The frames of %1 cannot be sent to the model (aspect ratio above 200:1); the answer does not use them.")
                 .arg(name));
        return inputs;
    }
    const qint64 clipPixels = (qint64(frames.size()) + 1) / 2 * 2 * size.width() * size.height();
    const QSize sendSize = clipPixels > videoParams.maxPixels ? *target : size;
    std::vector<std::vector<uint8_t>> rgbFrames;
    rgbFrames.reserve(size_t(frames.size()));
    for (const QImage& frame : std::as_const(frames))
        rgbFrames.push_back(rgbBytes(toSize(frame, sendSize)));
    inputs.append(VisualInput{name, tr("video"),
                              ContentPart::make_video_frames(uint32_t(sendSize.width()), uint32_t(sendSize.height()),
                                                             std::move(rgbFrames), std::move(times),
                                                             document.sourcePath.toStdString())});
    return inputs;
}

std::optional<DocumentText> PromptBuilder::readableText(const storage::Attachment& attachment)
{
    if (!attachment.extractedText || attachment.extractedText->trimmed().isEmpty())
        return std::nullopt;
    return DocumentText{fileName(attachment.originalPath), *attachment.extractedText};
}

VisualInput PromptBuilder::reduced(const VisualInput& visual)
{
    VisualInput out = visual;
    ContentPart& part = out.part;
    const QSize half(std::max(1, int(part.width) / 2), std::max(1, int(part.height) / 2));
    if (part.kind == ContentPartKind::Image && !part.rgb.empty()) {
        part.rgb = halvedRgb(part.rgb, int(part.width), int(part.height), half);
    } else if (part.kind == ContentPartKind::Video) {
        for (std::vector<uint8_t>& frame : part.frames)
            frame = halvedRgb(frame, int(part.width), int(part.height), half);
    } else {
        return out;
    }
    part.width = uint32_t(half.width());
    part.height = uint32_t(half.height());
    return out;
}

ChatRequest PromptBuilder::buildRequest(const QList<storage::Message>& history,
                                        const QList<storage::Attachment>& historyAttachments, const QString& question,
                                        const QList<DocumentText>& documents, bool thinking,
                                        const QList<VisualInput>& visuals,
                                        const QHash<qint64, QList<VisualInput>>& historyVisuals)
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
            ChatMessage user = textMessage(ChatRole::User, userMessageText(message.content, attached));
            putVisualsFirst(user, historyVisuals.value(message.id));
            request.messages.push_back(std::move(user));
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
    ChatMessage user = textMessage(ChatRole::User, userMessageText(question, documents));
    putVisualsFirst(user, visuals);
    request.messages.push_back(std::move(user));
    request.enable_thinking = thinking;
    request.add_generation_prompt = true;
    return request;
}

}  // namespace lectern::chat
