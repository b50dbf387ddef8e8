// client_connection.cpp: finds a request's socket among the process's open files by its address pair and polls
// it for a hang-up without reading from it.
#include "app/server/client_connection.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <array>
#include <cstdlib>

namespace lectern::server {

namespace {

// The numeric address and port of a socket address, as cpp-httplib writes them (inet_ntop / getnameinfo
// NI_NUMERICHOST give the same text for IPv4 and IPv6).
bool addressOf(const sockaddr_storage& address, std::string& host, int& port)
{
    std::array<char, INET6_ADDRSTRLEN> text{};
    if (address.ss_family == AF_INET) {
        const auto& in = reinterpret_cast<const sockaddr_in&>(address);
        if (!::inet_ntop(AF_INET, &in.sin_addr, text.data(), socklen_t(text.size())))
            return false;
        port = ntohs(in.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& in6 = reinterpret_cast<const sockaddr_in6&>(address);
        if (!::inet_ntop(AF_INET6, &in6.sin6_addr, text.data(), socklen_t(text.size())))
            return false;
        port = ntohs(in6.sin6_port);
    } else {
        return false;
    }
    host = text.data();
    return true;
}

bool matches(int fd, const std::string& localAddr, int localPort, const std::string& remoteAddr, int remotePort)
{
    sockaddr_storage peer{};
    socklen_t peerLength = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peerLength) != 0)
        return false;
    std::string host;
    int port = -1;
    if (!addressOf(peer, host, port) || port != remotePort || host != remoteAddr)
        return false;
    sockaddr_storage local{};
    socklen_t localLength = sizeof local;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &localLength) != 0)
        return false;
    return addressOf(local, host, port) && port == localPort && host == localAddr;
}

}  // namespace

ClientConnection ClientConnection::find(const std::string& localAddr, int localPort, const std::string& remoteAddr,
                                        int remotePort)
{
    if (localPort <= 0 || remotePort <= 0)
        return {};
    DIR* dir = ::opendir("/proc/self/fd");
    if (!dir)
        return {};
    int found = -1;
    while (const dirent* entry = ::readdir(dir)) {
        char* end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == ::dirfd(dir))
            continue;
        struct stat info {};
        if (::fstat(int(fd), &info) != 0 || !S_ISSOCK(info.st_mode))
            continue;
        if (matches(int(fd), localAddr, localPort, remoteAddr, remotePort)) {
            found = int(fd);
            break;
        }
    }
    ::closedir(dir);
    return ClientConnection(found);
}

bool ClientConnection::hungUp() const
{
    if (m_fd < 0)
        return false;
    pollfd watch{m_fd, POLLRDHUP, 0};
    if (::poll(&watch, 1, 0) <= 0)
        return false;
    return (watch.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) != 0;
}

}  // namespace lectern::server
