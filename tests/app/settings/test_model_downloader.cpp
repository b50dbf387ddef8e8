// test_model_downloader.cpp: ModelDownloader against a small local HTTP server (QTcpServer) that serves one file,
// honours Range requests, can drop the connection part-way and can answer with an error.
#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include "app/settings/model_downloader.h"

using lectern::app::ModelDownloader;

namespace {

class TestHttpServer : public QObject {
public:
    QByteArray body;
    int errorStatus = 0;        // answer every request with this status when non-zero
    qint64 dropAfter = -1;      // close the connection after this many body bytes (first request only)
    bool honourRange = true;
    QStringList rangeHeaders;   // the Range header of each request ("" when none)

    TestHttpServer()
    {
        QVERIFY(server_.listen(QHostAddress::LocalHost));
        connect(&server_, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server_.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRequest(socket); });
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/model.gguf").arg(server_.serverPort())); }

private:
    void onRequest(QTcpSocket* socket)
    {
        buffers_[socket] += socket->readAll();
        if (!buffers_[socket].contains("\r\n\r\n"))
            return;
        const QString request = QString::fromLatin1(buffers_.take(socket));
        static const QRegularExpression rangeRe(QStringLiteral("\\r\\nRange: bytes=(\\d+)-\\r\\n"),
                                                QRegularExpression::CaseInsensitiveOption);
        const auto match = rangeRe.match(request);
        rangeHeaders << (match.hasMatch() ? match.captured(1) : QString());
        QByteArray response;
        if (errorStatus != 0) {
            const QByteArray page = "<html>no model here</html>";
            response = "HTTP/1.1 " + QByteArray::number(errorStatus) + " Internal Server Error\r\nContent-Length: "
                       + QByteArray::number(page.size()) + "\r\nConnection: close\r\n\r\n" + page;
            socket->write(response);
            socket->disconnectFromHost();
            return;
        }
        const qint64 start = match.hasMatch() && honourRange ? match.captured(1).toLongLong() : 0;
        const QByteArray part = body.mid(start);
        if (start > 0)
            response = "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + QByteArray::number(start) + '-'
                       + QByteArray::number(body.size() - 1) + '/' + QByteArray::number(body.size()) + "\r\n";
        else
            response = "HTTP/1.1 200 OK\r\n";
        response += "Content-Length: " + QByteArray::number(part.size()) + "\r\nConnection: close\r\n\r\n";
        if (dropAfter >= 0) {
            response += part.left(dropAfter);
            dropAfter = -1;
            socket->write(response);
            socket->flush();
            socket->abort();  // mid-body: the client sees a short read
            return;
        }
        socket->write(response + part);
        socket->disconnectFromHost();
    }

    QTcpServer server_;
    QHash<QTcpSocket*, QByteArray> buffers_;
};

QByteArray testBody()
{
    QByteArray body;
    body.reserve(3 << 20);
    for (int i = 0; body.size() < (3 << 20); ++i)
        body += QByteArray::number(i * 2654435761u) + ' ';
    return body;
}

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestModelDownloader : public QObject {
    Q_OBJECT

private slots:
    void downloadsWithProgressAndChecksum()
    {
        TestHttpServer server;
        server.body = testBody();
        QTemporaryDir dir;
        const QString destination = dir.filePath(QStringLiteral("models/qwen.gguf"));
        ModelDownloader downloader;
        QSignalSpy progress(&downloader, &ModelDownloader::progress);
        QSignalSpy finished(&downloader, &ModelDownloader::finished);
        QSignalSpy failed(&downloader, &ModelDownloader::failed);
        downloader.start(server.url(), destination, sha256(server.body));
        QVERIFY(downloader.isRunning());
        QVERIFY(finished.wait(20000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(finished.at(0).at(0).toString(), destination);
        QVERIFY(!downloader.isRunning());
        QCOMPARE(readAll(destination), server.body);
        QVERIFY(!QFile::exists(ModelDownloader::partPath(destination)));
        QVERIFY2(progress.size() >= 2, "expected several progress reports for 3 MiB");
        QCOMPARE(progress.constLast().at(0).toLongLong(), server.body.size());
        QCOMPARE(progress.constLast().at(1).toLongLong(), server.body.size());
        QCOMPARE(server.rangeHeaders, QStringList({QString()}));
    }

    void resumesAfterDroppedConnection()
    {
        TestHttpServer server;
        server.body = testBody();
        server.dropAfter = 1 << 20;
        QTemporaryDir dir;
        const QString destination = dir.filePath(QStringLiteral("qwen.gguf"));
        ModelDownloader downloader;
        QSignalSpy finished(&downloader, &ModelDownloader::finished);
        QSignalSpy failed(&downloader, &ModelDownloader::failed);
        QSignalSpy resumed(&downloader, &ModelDownloader::resumed);
        downloader.start(server.url(), destination, sha256(server.body));
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("again")), qPrintable(failed.at(0).at(0).toString()));
        const qint64 kept = QFileInfo(ModelDownloader::partPath(destination)).size();
        QVERIFY2(kept > 0 && kept <= server.body.size() / 2, qPrintable(QString::number(kept)));
        QVERIFY(!QFile::exists(destination));

        downloader.start(server.url(), destination, sha256(server.body));
        QVERIFY(finished.wait(20000));
        QCOMPARE(resumed.size(), 1);
        QCOMPARE(resumed.at(0).at(0).toLongLong(), kept);
        // Qt's network stack may silently retry the dropped request once; the resume is the last request.
        QCOMPARE(server.rangeHeaders.constFirst(), QString());
        QCOMPARE(server.rangeHeaders.constLast(), QString::number(kept));
        QCOMPARE(readAll(destination), server.body);
    }

    void serverIgnoringRangeStartsOver()
    {
        TestHttpServer server;
        server.body = testBody();
        server.honourRange = false;
        QTemporaryDir dir;
        const QString destination = dir.filePath(QStringLiteral("qwen.gguf"));
        QFile part(ModelDownloader::partPath(destination));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write("stale bytes from another file");
        part.close();
        ModelDownloader downloader;
        QSignalSpy finished(&downloader, &ModelDownloader::finished);
        QSignalSpy resumed(&downloader, &ModelDownloader::resumed);
        downloader.start(server.url(), destination, sha256(server.body));
        QVERIFY(finished.wait(20000));
        QCOMPARE(resumed.size(), 0);
        QCOMPARE(readAll(destination), server.body);
    }

    void checksumMismatchDeletesDownload()
    {
        TestHttpServer server;
        server.body = testBody();
        QTemporaryDir dir;
        const QString destination = dir.filePath(QStringLiteral("qwen.gguf"));
        ModelDownloader downloader;
        QSignalSpy failed(&downloader, &ModelDownloader::failed);
        downloader.start(server.url(), destination, QString(64, QLatin1Char('0')));
        QVERIFY(failed.wait(20000));
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("SHA-256 is ") + sha256(server.body)), qPrintable(message));
        QVERIFY2(message.contains(QString(64, QLatin1Char('0'))), qPrintable(message));
        QCOMPARE(downloader.errorMessage(), message);
        QVERIFY(!QFile::exists(destination));
        QVERIFY(!QFile::exists(ModelDownloader::partPath(destination)));
    }

    void serverErrorIsReported()
    {
        TestHttpServer server;
        server.errorStatus = 500;
        QTemporaryDir dir;
        const QString destination = dir.filePath(QStringLiteral("qwen.gguf"));
        ModelDownloader downloader;
        QSignalSpy failed(&downloader, &ModelDownloader::failed);
        QSignalSpy finished(&downloader, &ModelDownloader::finished);
        downloader.start(server.url(), destination);
        QVERIFY(failed.wait(20000));
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("answered 500")) && message.contains(server.url().toString()),
                 qPrintable(message));
        QCOMPARE(finished.size(), 0);
        QVERIFY(!QFile::exists(destination));
        QCOMPARE(QFileInfo(ModelDownloader::partPath(destination)).size(), 0);  // the error page was not saved
    }

    void badAddressAndCancel()
    {
        QTemporaryDir dir;
        ModelDownloader downloader;
        QSignalSpy failed(&downloader, &ModelDownloader::failed);
        downloader.start(QUrl(QStringLiteral("ftp://example.org/x.gguf")), dir.filePath(QStringLiteral("x.gguf")));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("not an http or https address")));

        TestHttpServer server;
        server.body = testBody();
        downloader.start(server.url(), dir.filePath(QStringLiteral("y.gguf")));
        QVERIFY(downloader.isRunning());
        downloader.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 20000);
        QVERIFY(failed.constLast().at(0).toString().contains(QStringLiteral("paused")));
        QVERIFY(!downloader.isRunning());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("y.gguf"))));
    }
};

QTEST_GUILESS_MAIN(TestModelDownloader)
#include "test_model_downloader.moc"
