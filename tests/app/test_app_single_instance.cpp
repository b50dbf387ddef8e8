// test_app_single_instance.cpp: a second launch hands its files to the running instance (in order, exactly once);
// with nobody listening the hand-over reports false quickly; a stale socket left by a crash is replaced; garbage on
// the socket is dropped without a signal.
#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include "app/single_instance.h"

using lectern::app::SingleInstance;

class TestSingleInstance : public QObject {
    Q_OBJECT

    QString uniqueName() const
    {
        return QStringLiteral("lectern-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(++m_counter);
    }
    mutable int m_counter = 0;

private slots:
    void handsFilesToTheRunningInstance()
    {
        const QString name = uniqueName();
        SingleInstance running(name);
        QVERIFY(running.listen());
        QSignalSpy received(&running, &SingleInstance::filesReceived);

        const QStringList files{QStringLiteral("/home/u/report.pdf"), QStringLiteral("/home/u/Fotos/straße.png")};
        // The second launch runs its blocking hand-over while this (running) instance's event loop serves it.
        QFuture<bool> sent = QtConcurrent::run([name, files] { return SingleInstance(name).sendToRunning(files); });
        QTRY_COMPARE(received.count(), 1);
        QVERIFY(sent.result());
        QCOMPARE(received.first().first().toStringList(), files);

        // An empty list (plain `lectern` again) is delivered too: the window is raised.
        sent = QtConcurrent::run([name] { return SingleInstance(name).sendToRunning({}); });
        QTRY_COMPARE(received.count(), 2);
        QVERIFY(sent.result());
        QVERIFY(received.at(1).first().toStringList().isEmpty());
    }

    void nobodyListening()
    {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!SingleInstance(uniqueName()).sendToRunning({QStringLiteral("/a.pdf")}, 3000));
        QVERIFY2(timer.elapsed() < 2000, "connecting to a missing server must fail at once, not time out");
    }

    void staleSocketIsReplaced()
    {
        const QString name = uniqueName();
        {
            // A server that goes away without removing its socket file, as after a crash.
            QLocalServer crashed;
            QVERIFY(crashed.listen(name));
            crashed.setSocketOptions(QLocalServer::UserAccessOption);
            const QString path = crashed.fullServerName();
            crashed.close();  // removes the file; recreate it to simulate the leftover
            QFile leftover(path);
            QVERIFY(leftover.open(QIODevice::WriteOnly));
        }
        SingleInstance fresh(name);
        QString error;
        QVERIFY2(fresh.listen(&error), qPrintable(error));
        QSignalSpy received(&fresh, &SingleInstance::filesReceived);
        QFuture<bool> sent = QtConcurrent::run([name] { return SingleInstance(name).sendToRunning({QStringLiteral("/x.png")}); });
        QTRY_COMPARE(received.count(), 1);
        QVERIFY(sent.result());
    }

    void garbageIsDropped()
    {
        const QString name = uniqueName();
        SingleInstance running(name);
        QVERIFY(running.listen());
        QSignalSpy received(&running, &SingleInstance::filesReceived);
        QLocalSocket socket;
        socket.connectToServer(name);
        QVERIFY(socket.waitForConnected(2000));
        socket.write("{\"not\": \"a list\"}\n");
        socket.flush();
        QTRY_COMPARE(socket.state(), QLocalSocket::UnconnectedState);
        QCOMPARE(received.count(), 0);
    }
};

QTEST_MAIN(TestSingleInstance)
#include "test_app_single_instance.moc"
