// completion_channel.cpp: the worker-to-HTTP-thread hand-over of one completion's pieces and outcome.
#include "app/server/completion_channel.h"

namespace lectern::server {

std::shared_ptr<CompletionChannel> CompletionChannel::attach(chat::CompletionJob& job)
{
    auto channel = std::make_shared<CompletionChannel>();
    job.onStarted = [channel] { channel->markStarted(); };
    job.onPiece = [channel](const lectern::GenerationPiece& piece) { channel->push(piece.delta); };
    job.onFinished = [channel](const chat::CompletionOutcome& outcome) { channel->finish(outcome); };
    return channel;
}

void CompletionChannel::markStarted()
{
    {
        std::lock_guard lock(m_mutex);
        m_started = true;
        m_startedUnseen = true;
    }
    m_changed.notify_all();
}

void CompletionChannel::push(const lectern::AssistantDelta& delta)
{
    if (delta.content.empty() && delta.reasoning.empty() && delta.tool_calls.empty())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_deltas.push_back(delta);
    }
    m_changed.notify_all();
}

void CompletionChannel::finish(const chat::CompletionOutcome& outcome)
{
    {
        std::lock_guard lock(m_mutex);
        m_outcome = outcome;
    }
    m_changed.notify_all();
}

ChannelEvents CompletionChannel::take(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, timeout,
                       [this] { return m_startedUnseen || !m_deltas.empty() || m_outcome.has_value(); });
    m_startedUnseen = false;
    ChannelEvents events;
    events.started = m_started;
    events.deltas.swap(m_deltas);
    events.outcome.swap(m_outcome);
    return events;
}

}  // namespace lectern::server
