// completion_channel.h: hands one completion's pieces and outcome from the inference worker's callbacks to the
// HTTP thread that answers it (a mutex, a condition variable and what arrived since the last take).
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "app/chat/completion_job.h"

namespace lectern::server {

// What arrived since the last take: the pieces in order, then (once) the outcome.
struct ChannelEvents {
    bool started = false;                              // the job left the queue (at any time up to now)
    std::vector<lectern::AssistantDelta> deltas;
    std::optional<chat::CompletionOutcome> outcome;    // set once: the job ended; nothing follows
};

class CompletionChannel {
public:
    // Wires the job's callbacks to this channel (the job keeps the channel alive).
    static std::shared_ptr<CompletionChannel> attach(chat::CompletionJob& job);

    // Waits until something arrived (the start, pieces, the outcome) or the timeout passed, and takes it.
    ChannelEvents take(std::chrono::milliseconds timeout);

private:
    void push(const lectern::AssistantDelta& delta);
    void markStarted();
    void finish(const chat::CompletionOutcome& outcome);

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_started = false;
    bool m_startedUnseen = false;  // started since the last take: wakes it
    std::vector<lectern::AssistantDelta> m_deltas;
    std::optional<chat::CompletionOutcome> m_outcome;  // not yet taken
};

}  // namespace lectern::server
