// attachment_resender.h: rebuilds the attachments of a stored question for regenerate and edit-and-resend, from the
// stored extracted text or by importing the file again when its bytes are unchanged (on ImportService's threads).
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

#include "app/importers/import_options.h"
#include "app/importers/imported_document.h"
#include "app/storage/records.h"

namespace lectern::app {
class ImportService;
}

namespace lectern::ui {

// What each stored attachment becomes:
//  - "text": its stored extracted text (exactly what the model read the first time; the file is not opened).
//  - "pdf": imported again when the file still has the same SHA-256 and the import gives the same text (so a page
//    range or mode chosen the first time is kept, and page images are sent again); otherwise its stored text.
//  - "image" and "video": imported again when the file still has the same SHA-256; otherwise left out with a
//    warning (the database keeps no pixels).
// Imports run on ImportService's thread pool: the UI thread never decodes or hashes.
class AttachmentResender : public QObject {
    Q_OBJECT

public:
    // cacheDirectory: ImportService's cache (an empty string: in memory only).
    explicit AttachmentResender(const QString& cacheDirectory, QObject* parent = nullptr);
    ~AttachmentResender() override;  // cancels running imports

    // Starts rebuilding `attachments` (in their order); a call before the previous one finished replaces it.
    // -> finished(serial, documents, warnings), queued, also when nothing needs importing. Returns the serial.
    quint64 start(const QList<storage::Attachment>& attachments, const app::ImportOptions& options);
    // Drops the running rebuild: its finished signal never comes.
    void cancel();
    bool busy() const { return m_pending.has_value(); }

    // A document holding only the attachment's stored text (one page), or nothing when it has no text.
    static std::optional<app::ImportedDocument> documentFromStoredText(const storage::Attachment& attachment);

signals:
    void finished(quint64 serial, const QList<lectern::app::ImportedDocument>& documents, const QStringList& warnings);

private:
    struct Pending {
        quint64 serial = 0;
        QList<storage::Attachment> attachments;
        QList<std::optional<app::ImportedDocument>> documents;  // one slot per attachment
        QHash<quint64, int> jobs;                              // import job -> slot
        QStringList warnings;
    };

    void onImportFinished(quint64 job, const app::ImportedDocument& document);
    void finishIfDone();
    app::ImportService& service();

    QString m_cacheDirectory;
    std::unique_ptr<app::ImportService> m_service;  // made on first use
    std::optional<Pending> m_pending;
    quint64 m_serial = 0;
};

}  // namespace lectern::ui
