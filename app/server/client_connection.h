// client_connection.h: tells whether the client of a request being answered has hung up, by polling the request's
// own socket (found by its address pair: cpp-httplib 0.11 does not expose it), so that a completion whose client
// left is cancelled also while it waits in the queue or runs without streaming. Linux (POLLRDHUP).
#pragma once

#include <string>

namespace lectern::server {

class ClientConnection {
public:
    ClientConnection() = default;

    // The connected socket of this process whose local and peer addresses are these (as cpp-httplib reports them:
    // numeric addresses and ports). Not found (or not Linux): a connection that never reports a hang-up.
    static ClientConnection find(const std::string& localAddr, int localPort, const std::string& remoteAddr,
                                 int remotePort);

    bool found() const { return m_fd >= 0; }
    // The peer closed or reset the connection (what it sent before is still readable). A client that only shuts
    // down its sending side counts as gone too; HTTP clients do not do that while they wait for an answer.
    bool hungUp() const;

private:
    explicit ClientConnection(int fd) : m_fd(fd) {}

    int m_fd = -1;  // borrowed: cpp-httplib closes it after the handler returns
};

}  // namespace lectern::server
