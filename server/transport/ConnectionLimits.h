#pragma once

#include <QtGlobal>

namespace chat::server {

// What one connection, and all of them together, may take of the server. 0 turns a limit off.
// The defaults are generous for people and tight enough that one abusive peer cannot hurt the others.
struct ConnectionLimits
{
    double callsPerSecond = 30; // token bucket refill: calls a connection may make per second
    int callBurst = 60; // token bucket size: calls it may make at once
    // A connection that has this many calls refused by the rate limit within about ten seconds is closed
    // with 1008: it keeps flooding after being told.
    int floodCloseAfter = 100;
    // After such a close, new connections from the same address are refused (1008) for this long, so that
    // reconnecting does not buy a fresh burst. Off by default: people behind one NAT address (or every
    // client of a reverse proxy) share it, and would be locked out with the flooder.
    int floodBanMs = 0;
    int maxConnections = 10000;
    int maxConnectionsPerAddress = 1000; // many people can share one NAT address
    // Connections the kernel queues before the server accepts them (capped by net.core.somaxconn). Qt's 50
    // drops SYNs of a burst of connections, which then wait a second for the retransmit.
    int listenBacklog = 4096;
    int handshakeTimeoutMs = 10000; // a TCP peer that does not finish the WebSocket handshake in time goes
    int pingIntervalMs = 20000; // keepalive pings
    int pongTimeoutMs = 20000; // a ping unanswered this long closes the connection with 1011
    // Data queued for a peer that does not read. A peer above it for more than a second, or above four times
    // it at any moment, is dropped, so a stalled reader cannot grow the server's memory. A peer that keeps
    // up still gets any single statement, however big.
    qint64 maxUnsentBytes = 8 * 1024 * 1024;
    // Frames per second that message-count updates may send to connections outside the room; beyond it they
    // are merged per room (docs/EXTENSIONS.md). 0: never merge.
    int roomUpdateBudget = 5000;
};

} // namespace chat::server
