// single_instance.cpp: the local-socket hand-over of single_instance.h. The message is one JSON array of paths and a
// newline; the running instance answers "ok\n" once it has queued them.
#include "app/single_instance.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>

#include <unistd.h>

namespace lectern::app {

namespace {
constexpr qint64 kMaxMessageBytes = 1 << 20;  // a few thousand paths; anything longer is not from Lectern
}

SingleInstance::SingleInstance(QString serverName, QObject* parent) : QObject(parent), m_serverName(std::move(serverName))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultServerName()
{
    return QStringLiteral("lectern-%1").arg(::getuid());
}

bool SingleInstance::sendToRunning(const QStringList& files, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray message = QJsonDocument(QJsonArray::fromStringList(files)).toJson(QJsonDocument::Compact);
    message.append('\n');
    socket.write(message);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine().trimmed() == "ok";
}

bool SingleInstance::listen(QString* error)
{
    if (m_server)
        return true;
    auto* server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_serverName)) {
        // Either a live instance owns the name (then sendToRunning would have succeeded) or a crashed one left its
        // socket file behind: remove it and try once more.
        QLocalServer::removeServer(m_serverName);
        if (!server->listen(m_serverName)) {
            if (error)
                *error = server->errorString();
            delete server;
            return false;
        }
    }
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* client = m_server->nextPendingConnection()) {
            connect(client, &QLocalSocket::readyRead, this, [this, client] {
                if (!client->canReadLine()) {
                    if (client->bytesAvailable() > kMaxMessageBytes)
                        client->abort();
                    return;
                }
                const QJsonDocument document = QJsonDocument::fromJson(client->readLine());
                if (!document.isArray()) {
                    client->abort();
                    return;
                }
                QStringList files;
                for (const QJsonValue& value : document.array()) {
                    if (value.isString())
                        files.append(value.toString());
                }
                client->write("ok\n");
                client->flush();
                client->disconnectFromServer();
                emit filesReceived(files);
            });
            connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
        }
    });
    return true;
}

}  // namespace lectern::app
