#pragma once

#include "CallCaps.h"
#include "Peer.h"
#include "protocol/CallStatement.h"
#include "protocol/MessageNames.h"

#include <optional>

namespace chat::server {

class Store;

// Checks a parsed call against the CallCaps before it is dispatched, so that the handlers and the store
// never see an oversized name, body, line or drawing. Kept apart from CallDispatcher on purpose: the caps
// are policy of this deployment, not part of the protocol.
class CallLimits
{
public:
    CallLimits(Store &store, CallCaps caps);

    // The error to answer instead of running the call, or nullopt when the call is within every cap.
    std::optional<ErrorName> check(const Peer &peer, const CallStatement &call);

private:
    std::optional<ErrorName> checkName(const QJsonObject &payload) const;
    std::optional<ErrorName> checkBody(const QJsonObject &payload) const;
    std::optional<ErrorName> checkLine(const Peer &peer, const QJsonObject &payload);
    std::optional<ErrorName> checkLivePoints(const Peer &peer, const QJsonObject &payload) const;

    Store &m_store;
    CallCaps m_caps;
};

} // namespace chat::server
