// attachment_resender.cpp: stored attachments back into ImportedDocuments for a re-sent question.
#include "ui/attachment_resender.h"

#include <QFileInfo>
#include <QMetaObject>

#include "app/importers/import_service.h"

namespace lectern::ui {

namespace {

QString fileName(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? path : name;
}

bool needsImport(const storage::Attachment& attachment)
{
    return attachment.kind == QStringLiteral("pdf") || attachment.kind == QStringLiteral("image") ||
           attachment.kind == QStringLiteral("video");
}

}  // namespace

AttachmentResender::AttachmentResender(const QString& cacheDirectory, QObject* parent)
    : QObject(parent), m_cacheDirectory(cacheDirectory)
{
}

AttachmentResender::~AttachmentResender()
{
    if (m_service) {
        m_service->disconnect(this);
        m_service->cancelAll();
    }
}

app::ImportService& AttachmentResender::service()
{
    if (!m_service) {
        m_service = std::make_unique<app::ImportService>(m_cacheDirectory);
        connect(m_service.get(), &app::ImportService::importFinished, this, &AttachmentResender::onImportFinished);
    }
    return *m_service;
}

std::optional<app::ImportedDocument> AttachmentResender::documentFromStoredText(const storage::Attachment& attachment)
{
    if (!attachment.extractedText || attachment.extractedText->isEmpty())
        return std::nullopt;
    app::ImportedDocument document;
    document.kind = attachment.kind == QStringLiteral("pdf") ? app::DocumentKind::Pdf : app::DocumentKind::Text;
    document.sourcePath = attachment.originalPath;
    document.contentHash = attachment.sha256.toLatin1();
    document.metadata.pageCount = attachment.pageCount.value_or(1);
    app::DocumentPage page;
    page.number = 1;
    page.text = *attachment.extractedText;
    document.pages = {page};
    return document;
}

quint64 AttachmentResender::start(const QList<storage::Attachment>& attachments, const app::ImportOptions& options)
{
    cancel();
    Pending pending;
    pending.serial = ++m_serial;
    pending.attachments = attachments;
    pending.documents.resize(attachments.size());
    m_pending = std::move(pending);
    for (int i = 0; i < attachments.size(); ++i) {
        const storage::Attachment& attachment = attachments.at(i);
        if (needsImport(attachment)) {
            const quint64 job = service().import(attachment.originalPath, options);
            m_pending->jobs.insert(job, i);
            continue;
        }
        m_pending->documents[i] = documentFromStoredText(attachment);
        if (!m_pending->documents[i])
            m_pending->warnings.append(tr("%1 has no stored text, so it is not sent again.")
                                           .arg(fileName(attachment.originalPath)));
    }
    // Queued even when nothing is imported: the caller gets the answer the same way every time.
    const quint64 serial = m_pending->serial;
    QMetaObject::invokeMethod(this, [this, serial] {
        if (m_pending && m_pending->serial == serial)
            finishIfDone();
    }, Qt::QueuedConnection);
    return serial;
}

void AttachmentResender::cancel()
{
    if (!m_pending)
        return;
    for (auto it = m_pending->jobs.cbegin(); it != m_pending->jobs.cend(); ++it)
        service().cancel(it.key());
    m_pending.reset();
}

void AttachmentResender::onImportFinished(quint64 job, const app::ImportedDocument& document)
{
    if (!m_pending || !m_pending->jobs.contains(job))
        return;  // a cancelled rebuild's import
    const int slot = m_pending->jobs.take(job);
    const storage::Attachment& attachment = m_pending->attachments.at(slot);
    const bool unchanged = document.ok() && QString::fromLatin1(document.contentHash) == attachment.sha256;
    const QString name = fileName(attachment.originalPath);
    if (attachment.kind == QStringLiteral("pdf")) {
        // The same bytes and the same text: the first import's range and mode gave this too, page images included.
        if (unchanged && document.text() == attachment.extractedText.value_or(QString()))
            m_pending->documents[slot] = document;
        else
            m_pending->documents[slot] = documentFromStoredText(attachment);
        if (!m_pending->documents[slot])
            m_pending->warnings.append(tr("%1 has changed or is gone, and no text of it is stored, so it is not "
                                          "sent again.").arg(name));
    } else if (unchanged) {
        m_pending->documents[slot] = document;
    } else {
        m_pending->warnings.append(document.ok()
                                       ? tr("%1 has changed since it was sent, so it is not sent again. Attach it "
                                            "again to ask about the new version.").arg(name)
                                       : tr("%1 cannot be read again (%2), so it is not sent again.")
                                             .arg(name, document.errorMessage));
    }
    finishIfDone();
}

void AttachmentResender::finishIfDone()
{
    if (!m_pending || !m_pending->jobs.isEmpty())
        return;
    QList<app::ImportedDocument> documents;
    for (const std::optional<app::ImportedDocument>& document : std::as_const(m_pending->documents))
        if (document)
            documents.append(*document);
    const quint64 serial = m_pending->serial;
    const QStringList warnings = m_pending->warnings;
    m_pending.reset();
    emit finished(serial, documents, warnings);
}

}  // namespace lectern::ui
