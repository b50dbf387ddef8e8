// single_instance.h: one Lectern window per user session: a second `lectern FILE...` hands its files to the running
// window over a local socket and quits, instead of starting a second copy.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;

namespace lectern::app {

// Usage in main(): if (instance.sendToRunning(files)) return 0;  instance.listen();  connect(filesReceived, ...).
class SingleInstance : public QObject {
    Q_OBJECT

public:
    explicit SingleInstance(QString serverName = defaultServerName(), QObject* parent = nullptr);
    ~SingleInstance() override;

    // Hands the files (absolute paths; may be empty, which just raises the window) to a running instance. True when
    // one answered; false when none runs (or it did not answer within timeoutMs).
    bool sendToRunning(const QStringList& files, int timeoutMs = 3000) const;

    // Becomes the instance others hand their files to. A socket left behind by a crashed instance is replaced.
    // False with *error set when the name cannot be taken.
    bool listen(QString* error = nullptr);

    // Per user (and per display session where there is one): "lectern-<user id>".
    static QString defaultServerName();

signals:
    void filesReceived(const QStringList& files);

private:
    QString m_serverName;
    QLocalServer* m_server = nullptr;
};

}  // namespace lectern::app
