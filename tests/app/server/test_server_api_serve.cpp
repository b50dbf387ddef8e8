// test_server_api_serve.cpp: `lectern serve` as a program: the listening line, the key from LECTERN_API_KEY, one
// log line per request, a clean exit on SIGTERM and SIGINT, exit 1 for a port in use, exit 2 for bad arguments,
// and the warning for a non-loopback address without a key. Runs the real lectern with the tiny model on the CPU.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>

#include "tests/app/chat/ask_fixture.h"

using lectern::chat::testing::makeTinyModel;

namespace {

// A running `lectern serve`; killed if the test ends early.
struct Serve {
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString url;       // from the listening line
    QByteArray out;
    QString err;

    ~Serve()
    {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
};

}  // namespace

class ServerApiServeTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void servesUntilSigterm();
    void sigintStopsItToo();
    void portInUseExitsWith1();
    void badArgumentsExitWith2();
    void publicAddressWithoutKeyWarns();

private:
    // Starts lectern serve with args (plus the model, CPU, a small context) and waits for the listening line.
    bool start(Serve& serve, const QStringList& args, const QProcessEnvironment& env, QString* error);
    int httpGet(const QString& url, const QByteArray& key, QByteArray* body = nullptr);

    QTemporaryDir m_dir;
    QString m_model;
    QNetworkAccessManager m_network;
};

void ServerApiServeTest::initTestCase()
{
#ifndef LECTERN_APP_PATH
    QSKIP("the lectern program is not built (LECTERN_BUILD_APP=OFF)");
#endif
    QVERIFY(m_dir.isValid());
    QString error;
    m_model = makeTinyModel(m_dir.path(), &error);
    QVERIFY2(!m_model.isEmpty(), qPrintable(error));
}

bool ServerApiServeTest::start(Serve& serve, const QStringList& args, const QProcessEnvironment& env, QString* error)
{
#ifdef LECTERN_APP_PATH
    QProcessEnvironment environment = env;
    // Settings and data of this test only (the settings' model is not used: --model is given).
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    serve.process->setProcessEnvironment(environment);
    serve.process->start(QStringLiteral(LECTERN_APP_PATH),
                         QStringList{QStringLiteral("serve"), QStringLiteral("--model"), m_model, QStringLiteral("--device"),
                                     QStringLiteral("cpu"), QStringLiteral("--context"), QStringLiteral("256")} + args);
    if (!serve.process->waitForStarted(10000)) {
        *error = serve.process->errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const QRegularExpression line(QStringLiteral("^Lectern API server listening on (http://[^ ]+) \\(model tiny\\)\n"));
    while (timer.elapsed() < 60000) {
        serve.process->waitForReadyRead(200);
        serve.out += serve.process->readAllStandardOutput();
        const QRegularExpressionMatch match = line.match(QString::fromUtf8(serve.out));
        if (match.hasMatch()) {
            serve.url = match.captured(1);
            return true;
        }
        if (serve.process->state() == QProcess::NotRunning)
            break;
    }
    serve.err += QString::fromUtf8(serve.process->readAllStandardError());
    *error = QStringLiteral("no listening line; stdout: %1; stderr: %2").arg(QString::fromUtf8(serve.out), serve.err);
    return false;
#else
    Q_UNUSED(serve);
    Q_UNUSED(args);
    Q_UNUSED(env);
    *error = QStringLiteral("no lectern program");
    return false;
#endif
}

int ServerApiServeTest::httpGet(const QString& url, const QByteArray& key, QByteArray* body)
{
    QNetworkRequest request{QUrl(url)};
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key);
    QNetworkReply* reply = m_network.get(request);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (body)
        *body = reply->readAll();
    reply->deleteLater();
    return status;
}

void ServerApiServeTest::servesUntilSigterm()
{
    Serve serve;
    QString error;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LECTERN_API_KEY"), QStringLiteral("from-env"));
    QVERIFY2(start(serve, {QStringLiteral("--port"), QStringLiteral("0")}, env, &error), qPrintable(error));
    QVERIFY2(serve.url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(serve.url));

    QByteArray body;
    QCOMPARE(httpGet(serve.url + QStringLiteral("/health"), {}, &body), 200);
    QCOMPARE(QJsonDocument::fromJson(body).object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(httpGet(serve.url + QStringLiteral("/v1/models"), {}), 401);             // the key came from the environment
    QCOMPARE(httpGet(serve.url + QStringLiteral("/v1/models"), "from-env", &body), 200);
    QVERIFY(body.contains("\"tiny\""));

    ::kill(pid_t(serve.process->processId()), SIGTERM);
    QVERIFY(serve.process->waitForFinished(10000));
    QCOMPARE(serve.process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.process->exitCode(), 0);
    serve.err += QString::fromUtf8(serve.process->readAllStandardError());
    // One line per request (each on its own connection and thread, so not necessarily in order), none lost at the
    // stop.
    const QStringList lines = serve.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                  .filter(QRegularExpression(QStringLiteral("^lectern serve: [A-Z]+ /")));
    QVERIFY2(lines.size() == 3, qPrintable(serve.err));
    for (const QString& expected : {QStringLiteral("GET /health 200"), QStringLiteral("GET /v1/models 401"),
                                    QStringLiteral("GET /v1/models 200")})
        QVERIFY2(lines.filter(expected).size() == 1, qPrintable(serve.err));
}

void ServerApiServeTest::sigintStopsItToo()
{
    Serve serve;
    QString error;
    QVERIFY2(start(serve, {QStringLiteral("--port"), QStringLiteral("0")}, QProcessEnvironment::systemEnvironment(), &error),
             qPrintable(error));
    QCOMPARE(httpGet(serve.url + QStringLiteral("/v1/models"), {}), 200);  // no key set: none needed
    ::kill(pid_t(serve.process->processId()), SIGINT);
    QVERIFY(serve.process->waitForFinished(10000));
    QCOMPARE(serve.process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.process->exitCode(), 0);
}

void ServerApiServeTest::portInUseExitsWith1()
{
    Serve first;
    QString error;
    QVERIFY2(start(first, {QStringLiteral("--port"), QStringLiteral("0")}, QProcessEnvironment::systemEnvironment(), &error),
             qPrintable(error));
    const QString port = first.url.section(QLatin1Char(':'), -1);
    Serve second;
    QVERIFY(!start(second, {QStringLiteral("--port"), port}, QProcessEnvironment::systemEnvironment(), &error));
    QVERIFY(second.process->state() == QProcess::NotRunning || second.process->waitForFinished(10000));
    QCOMPARE(second.process->exitCode(), 1);
    second.err += QString::fromUtf8(second.process->readAllStandardError());
    QVERIFY2(second.err.contains(QStringLiteral("lectern serve: Port %1 on 127.0.0.1 is in use").arg(port)),
             qPrintable(second.err));
    QVERIFY(second.out.isEmpty());
}

void ServerApiServeTest::badArgumentsExitWith2()
{
#ifdef LECTERN_APP_PATH
    for (const QStringList& args : {QStringList{QStringLiteral("--port"), QStringLiteral("70000")},
                                    QStringList{QStringLiteral("--bogus")},
                                    QStringList{QStringLiteral("--max-queue"), QStringLiteral("0")}}) {
        const lectern::chat::testing::ProcessRun run =
            lectern::chat::testing::runProcess(QStringLiteral(LECTERN_APP_PATH), QStringList{QStringLiteral("serve")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("Usage:")), qPrintable(run.err));
    }
#endif
}

void ServerApiServeTest::publicAddressWithoutKeyWarns()
{
    Serve serve;
    QString error;
    QVERIFY2(start(serve, {QStringLiteral("--host"), QStringLiteral("0.0.0.0"), QStringLiteral("--port"), QStringLiteral("0")},
                   QProcessEnvironment::systemEnvironment(), &error),
             qPrintable(error));
    serve.process->waitForReadyRead(500);
    serve.err += QString::fromUtf8(serve.process->readAllStandardError());
    QVERIFY2(serve.err.contains(QStringLiteral("without an API key")), qPrintable(serve.err));
    ::kill(pid_t(serve.process->processId()), SIGTERM);
    QVERIFY(serve.process->waitForFinished(10000));
    QCOMPARE(serve.process->exitCode(), 0);
}

QTEST_GUILESS_MAIN(ServerApiServeTest)
#include "test_server_api_serve.moc"
