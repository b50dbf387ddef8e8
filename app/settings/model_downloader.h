// model_downloader.h: downloads a model file over HTTP(S) into <destination>.part with progress, resumes an
// interrupted download with a Range request, verifies its SHA-256 and only then renames it to <destination>.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;


namespace lectern::app {

class ModelDownloader : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(qint64 received READ received NOTIFY progress)
    Q_PROPERTY(qint64 total READ total NOTIFY progress)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY runningChanged)

public:
    explicit ModelDownloader(QObject* parent = nullptr);
    ~ModelDownloader() override;

    // Starts (or resumes, when <destination>.part exists) downloading url to destination. expectedSha256: lower-case
    // hex of the whole file, or empty to skip the check. Ignored while a download runs.
    Q_INVOKABLE void start(const QUrl& url, const QString& destination, const QString& expectedSha256 = QString());
    // Stops the download and keeps the .part file so that the next start resumes it.
    Q_INVOKABLE void cancel();

    bool isRunning() const { return m_reply != nullptr || m_verifying; }
    qint64 received() const { return m_received; }
    qint64 total() const { return m_total; }  // -1 while unknown
    QString errorMessage() const { return m_error; }
    static QString partPath(const QString& destination) { return destination + QStringLiteral(".part"); }

signals:
    void runningChanged();
    void progress(qint64 received, qint64 total);
    void resumed(qint64 offset);        // the server accepted a Range request from this byte on
    void finished(const QString& path);  // verified and in place
    void failed(const QString& message);  // translated; says what to do

private:
    void onHeaders();
    void onReadyRead();
    void onFinished();
    void verify();
    void fail(const QString& message, bool removePart = false);

    QNetworkAccessManager* m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QFile m_part;
    QUrl m_url;
    QString m_destination;
    QString m_expectedSha256;
    qint64 m_offset = 0;
    qint64 m_received = 0;
    qint64 m_total = -1;
    bool m_headersChecked = false;
    bool m_cancelled = false;
    bool m_verifying = false;
    QString m_error;
};

}  // namespace lectern::app
