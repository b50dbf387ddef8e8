// openai_messages.h: the "messages" array of a chat-completions request into the engine's ChatMessages: roles,
// content strings and parts, pictures (decoded), assistant tool calls and reasoning, tool results.
#pragma once

#include "app/server/request_json.h"

namespace lectern::server::wire {

// Appends the body's messages to `request`; hasPictures is set when a picture was decoded. Errors name the
// offending field ("messages[2].content[1].image_url").
Check parseMessages(const Json& body, const ModelContext& model, lectern::ChatRequest& request, bool& hasPictures);

}  // namespace lectern::server::wire
