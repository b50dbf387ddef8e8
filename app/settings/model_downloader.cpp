// model_downloader.cpp: QNetworkAccessManager download with .part file, Range resume and SHA-256 check off the
// UI thread.
#include "app/settings/model_downloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QThreadPool>

namespace lectern::app {

namespace {

// SHA-256 of a file as lower-case hex, or "" when it cannot be read.
QString fileSha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

}  // namespace

ModelDownloader::ModelDownloader(QObject* parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
}

ModelDownloader::~ModelDownloader()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ModelDownloader::start(const QUrl& url, const QString& destination, const QString& expectedSha256)
{
    if (isRunning())
        return;
    m_url = url;
    m_destination = destination;
    m_expectedSha256 = expectedSha256.trimmed().toLower();
    m_error.clear();
    m_cancelled = false;
    m_headersChecked = false;
    m_total = -1;
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        fail(tr("The download address \"%1\" is not an http or https address. Correct it in Settings.")
                 .arg(url.toString()));
        return;
    }
    QDir().mkpath(QFileInfo(destination).absolutePath());
    m_part.setFileName(partPath(destination));
    if (!m_part.open(QIODevice::ReadWrite)) {
        fail(tr("Cannot write %1: %2. Choose a folder you can write to.").arg(m_part.fileName(), m_part.errorString()));
        return;
    }
    m_offset = m_part.size();
    m_received = m_offset;
    m_part.seek(m_offset);

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (m_offset > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + '-');
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ModelDownloader::onHeaders);
    connect(m_reply, &QIODevice::readyRead, this, &ModelDownloader::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ModelDownloader::onFinished);
    emit runningChanged();
}

void ModelDownloader::cancel()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    m_reply->abort();  // finished() follows; the .part file stays for resuming
}

void ModelDownloader::onHeaders()
{
    if (m_headersChecked || !m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0 || (status >= 300 && status < 400))
        return;  // redirects: wait for the final response
    m_headersChecked = true;
    if (status >= 400)
        return;  // reported in onFinished
    const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (status == 206 && m_offset > 0) {
        // Content-Range: bytes <first>-<last>/<size>
        static const QRegularExpression range(QStringLiteral("^bytes (\\d+)-\\d+/(\\d+|\\*)$"));
        const auto match = range.match(QString::fromLatin1(m_reply->rawHeader("Content-Range")));
        if (match.hasMatch() && match.captured(1).toLongLong() == m_offset) {
            bool known = false;
            const qint64 size = match.captured(2).toLongLong(&known);
            m_total = known ? size : (length > 0 ? m_offset + length : -1);
            emit resumed(m_offset);
            emit progress(m_received, m_total);
            return;
        }
    }
    // A whole file (the server ignored the Range header, or this is a fresh start): begin again from byte 0.
    m_offset = 0;
    m_received = 0;
    m_part.resize(0);
    m_part.seek(0);
    m_total = length > 0 ? length : -1;
    emit progress(m_received, m_total);
}

void ModelDownloader::onReadyRead()
{
    if (!m_reply)
        return;
    onHeaders();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_headersChecked || status >= 300)
        return;  // a redirect's or an error page's body is not the model
    const QByteArray bytes = m_reply->readAll();
    if (bytes.isEmpty())
        return;
    if (m_part.write(bytes) != bytes.size()) {
        const QString message = tr("Cannot write %1: %2. Free some disk space and start the download again.")
                                    .arg(m_part.fileName(), m_part.errorString());
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
        fail(message);
        return;
    }
    m_received += bytes.size();
    emit progress(m_received, m_total);
}

void ModelDownloader::onFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    onReadyRead();
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_cancelled) {
        m_part.close();
        fail(tr("Download paused. Start it again to continue where it stopped."));
        return;
    }
    if (status == 416 && m_offset > 0) {
        // The range starts at the end: the .part file is already complete.
        verify();
        return;
    }
    if (status >= 400) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        fail(tr("The server answered %1 %2 for %3. Check the download address in Settings.")
                 .arg(status)
                 .arg(reason, m_url.toString()));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        fail(tr("The download stopped after %1 bytes: %2. Start it again to resume.")
                 .arg(m_received)
                 .arg(reply->errorString()));
        return;
    }
    if (m_total >= 0 && m_received != m_total) {
        fail(tr("The connection closed after %1 of %2 bytes. Start the download again to resume.")
                 .arg(m_received)
                 .arg(m_total));
        return;
    }
    verify();
}

void ModelDownloader::verify()
{
    m_part.close();
    m_verifying = true;
    emit runningChanged();
    const QString part = m_part.fileName();
    QPointer<ModelDownloader> self(this);
    // Hashing a GiB takes seconds: do it on a pool thread and come back through the event loop.
    QThreadPool::globalInstance()->start([self, part] {
        const QString actual = fileSha256(part);
        QMetaObject::invokeMethod(
            qApp,
            [self, actual] {
                if (!self)
                    return;
                self->m_verifying = false;
                const QString part = self->m_part.fileName();
                if (actual.isEmpty()) {
                    self->fail(tr("Cannot read the downloaded file %1 to check it.").arg(part));
                    return;
                }
                if (!self->m_expectedSha256.isEmpty() && actual != self->m_expectedSha256) {
                    self->fail(tr("The downloaded file is damaged: its SHA-256 is %1, expected %2. It was deleted; "
                                  "download it again or check the address and checksum in Settings.")
                                   .arg(actual, self->m_expectedSha256),
                               /*removePart=*/true);
                    return;
                }
                QFile::remove(self->m_destination);
                if (!QFile::rename(part, self->m_destination)) {
                    self->fail(tr("Cannot move the download to %1.").arg(self->m_destination));
                    return;
                }
                emit self->runningChanged();
                emit self->finished(self->m_destination);
            },
            Qt::QueuedConnection);
    });
}

void ModelDownloader::fail(const QString& message, bool removePart)
{
    m_part.close();
    if (removePart)
        QFile::remove(m_part.fileName());
    m_verifying = false;
    m_error = message;
    emit runningChanged();
    emit failed(message);
}

}  // namespace lectern::app
