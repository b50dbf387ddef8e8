// api_errors.cpp: the messages and OpenAI types/codes of the API server's errors.
#include "app/server/api_errors.h"

namespace lectern::server {

using chat::CompletionOutcome;

ApiError ApiErrors::make(int status, const QString& type, const QString& message, const QString& code,
                         const QString& param)
{
    ApiError error;
    error.httpStatus = status;
    error.type = type;
    error.message = message;
    error.code = code;
    error.param = param;
    return error;
}

ApiError ApiErrors::forStatus(int status, const QString& path, qint64 maxBodyBytes)
{
    switch (status) {
    case 400:
        return make(400, QStringLiteral("invalid_request_error"),
                    tr("The HTTP request is malformed. Send a valid HTTP/1.1 request."));
    case 404:
        return make(404, QStringLiteral("not_found_error"),
                    tr("There is no %1 here. This server answers GET /health, GET /v1/models and "
                       "POST /v1/chat/completions.")
                        .arg(path),
                    QStringLiteral("unknown_url"));
    case 413:
        return make(413, QStringLiteral("invalid_request_error"),
                    tr("The request body is larger than this server accepts (%1 MiB). Send smaller pictures or "
                       "fewer messages, or raise the limit.")
                        .arg(double(maxBodyBytes) / double(1 << 20), 0, 'f', 1),
                    QStringLiteral("request_too_large"));
    default: break;
    }
    return make(status, status >= 500 ? QStringLiteral("server_error") : QStringLiteral("invalid_request_error"),
                tr("The request failed with HTTP status %1.").arg(status));
}

ApiError ApiErrors::unauthorized(bool keyGiven)
{
    return make(401, QStringLiteral("authentication_error"),
                keyGiven ? tr("The API key is not the one this server was started with. Send the right key as "
                              "\"Authorization: Bearer <key>\".")
                         : tr("This server needs an API key. Send it as the header \"Authorization: Bearer <key>\"."),
                QStringLiteral("invalid_api_key"));
}

ApiError ApiErrors::methodNotAllowed(const QString& path, const QString& method, const QString& allowed)
{
    return make(405, QStringLiteral("invalid_request_error"),
                tr("%1 does not take %2; use %3.").arg(path, method, allowed), QStringLiteral("method_not_allowed"));
}

ApiError ApiErrors::queueFull(int waiting)
{
    return make(429, QStringLiteral("rate_limit_error"),
                tr("The server is busy with %1 requests (the most it queues). Retry once one has finished.")
                    .arg(waiting),
                QStringLiteral("queue_full"));
}

ApiError ApiErrors::noModel()
{
    return make(503, QStringLiteral("server_error"),
                tr("No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and send the "
                   "request again."),
                QStringLiteral("no_model_loaded"));
}

ApiError ApiErrors::stopping()
{
    return make(503, QStringLiteral("server_error"),
                tr("The server is stopping. Send the request again once it is back."), QStringLiteral("server_stopping"));
}

ApiError ApiErrors::clientClosed()
{
    // 499 (nginx's "client closed request"): nobody reads it; the log line tells why the completion stopped.
    return make(499, QStringLiteral("invalid_request_error"),
                tr("The client closed the connection before the answer was ready; the completion was cancelled."),
                QStringLiteral("client_closed_request"));
}

ApiError ApiErrors::exception(const QString& what)
{
    return make(500, QStringLiteral("server_error"),
                tr("The server failed on this request (%1). Other requests are not affected; please report this.")
                    .arg(what));
}

ApiError ApiErrors::forOutcome(const CompletionOutcome& outcome)
{
    switch (outcome.errorKind) {
    case CompletionOutcome::ErrorKind::ContextFull:
        return make(400, QStringLiteral("invalid_request_error"), outcome.error,
                    QStringLiteral("context_length_exceeded"), QStringLiteral("messages"));
    case CompletionOutcome::ErrorKind::InvalidRequest:
        return make(400, QStringLiteral("invalid_request_error"), outcome.error);
    case CompletionOutcome::ErrorKind::NoModel:
        return make(503, QStringLiteral("server_error"), outcome.error, QStringLiteral("no_model_loaded"));
    case CompletionOutcome::ErrorKind::Cancelled:
        return make(503, QStringLiteral("server_error"), outcome.error, QStringLiteral("cancelled"));
    case CompletionOutcome::ErrorKind::Internal:
    case CompletionOutcome::ErrorKind::None: break;
    }
    return make(500, QStringLiteral("server_error"), outcome.error);
}

std::optional<ApiError> ApiErrors::forResult(const lectern::GenerationResult& result)
{
    if (result.stats.finish_reason == lectern::FinishReason::Error)
        return make(500, QStringLiteral("server_error"),
                    tr("Generation failed: %1").arg(QString::fromStdString(result.error.message())));
    if (result.stats.finish_reason == lectern::FinishReason::Cancelled)
        return make(503, QStringLiteral("server_error"), tr("The request was cancelled: the server is stopping."),
                    QStringLiteral("cancelled"));
    return std::nullopt;
}

}  // namespace lectern::server
