// api_errors.h: every error the API server answers with, as OpenAI-shaped ApiErrors: HTTP statuses cpp-httplib
// sets itself, the key, methods, the queue, no model, and how a completion ended.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

#include "app/chat/completion_job.h"
#include "app/server/openai_protocol.h"

namespace lectern::server {

class ApiErrors {
    Q_DECLARE_TR_FUNCTIONS(ApiErrors)

public:
    static ApiError make(int status, const QString& type, const QString& message, const QString& code = {},
                         const QString& param = {});

    // A status set without a body (400 unreadable request, 404, 413, ...); path: the request's.
    static ApiError forStatus(int status, const QString& path, qint64 maxBodyBytes);
    static ApiError unauthorized(bool keyGiven);                                        // 401 invalid_api_key
    static ApiError methodNotAllowed(const QString& path, const QString& method, const QString& allowed);  // 405
    static ApiError queueFull(int waiting);                                             // 429 queue_full
    static ApiError noModel();                                                          // 503 no_model_loaded
    static ApiError stopping();                                                         // 503 server_stopping
    static ApiError clientClosed();                                                     // 499 client_closed_request
    static ApiError exception(const QString& what);                                     // 500

    // A completion that produced nothing (ContextFull: 400 context_length_exceeded, ...).
    static ApiError forOutcome(const chat::CompletionOutcome& outcome);
    // A generation that started but did not end well (an evaluation error, or the server stopping it).
    static std::optional<ApiError> forResult(const lectern::GenerationResult& result);
};

}  // namespace lectern::server
