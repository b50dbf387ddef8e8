// openai_request.cpp: POST /v1/chat/completions bodies validated and mapped onto ChatRequest + GenerationSettings:
// model name, thinking (vLLM's chat_template_kwargs), samplers and limits in OpenAI's ranges, response_format as a
// constrained-decoding schema, tools; parameters Lectern cannot honour are refused, never ignored.
#include "app/server/openai_protocol.h"

#include <climits>
#include <cmath>

#include "app/server/openai_messages.h"
#include "app/server/request_json.h"

namespace lectern::server {

using namespace wire;

namespace {

// Deeper bodies are refused before parsing: nothing legitimate nests this far, and dumping or checking a value
// recurses once per level.
constexpr int kMaxJsonDepth = 64;

// The deepest nesting of arrays and objects, stopping early past `limit`. Brackets inside strings do not count.
int nestingDepth(const QByteArray& body, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return deepest;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

// ------------------------------------------------------------------------------------------------------------
// Parameter readers: absent and null leave `out` unset.
// ------------------------------------------------------------------------------------------------------------

Check readBool(const Json& body, const char* key, const QString& param, std::optional<bool>& out)
{
    const Json* v = member(body, key);
    if (!v)
        return std::nullopt;
    if (!v->is_boolean())
        return wrongType(param, OpenAiProtocol::tr("a boolean"), *v);
    out = v->get<bool>();
    return std::nullopt;
}

// A number in [lo, hi] (lo excluded when loOpen).
Check readNumber(const Json& body, const char* key, double lo, double hi, bool loOpen, std::optional<float>& out)
{
    const Json* v = member(body, key);
    if (!v)
        return std::nullopt;
    const QString param = qs(key);
    if (!v->is_number())
        return wrongType(param, OpenAiProtocol::tr("a number"), *v);
    const double x = v->get<double>();
    if (!std::isfinite(x) || x > hi || (loOpen ? x <= lo : x < lo)) {
        const QString range = loOpen ? OpenAiProtocol::tr("above %1 and at most %2").arg(lo).arg(hi)
                                     : OpenAiProtocol::tr("from %1 to %2").arg(lo).arg(hi);
        return invalid(
            OpenAiProtocol::tr("Invalid '%1': expected a value %2, but got %3 instead.").arg(param, range).arg(x),
            param);
    }
    out = float(x);
    return std::nullopt;
}

// An integer (JSON integer syntax); its value in `out`.
Check readInteger(const Json& body, const char* key, std::optional<int64_t>& out, bool& unsignedHuge)
{
    unsignedHuge = false;
    const Json* v = member(body, key);
    if (!v)
        return std::nullopt;
    if (v->is_number_unsigned()) {
        const uint64_t u = v->get<uint64_t>();
        unsignedHuge = u > uint64_t(INT64_MAX);
        out = unsignedHuge ? INT64_MAX : int64_t(u);
        return std::nullopt;
    }
    if (!v->is_number_integer())
        return wrongType(qs(key), OpenAiProtocol::tr("an integer"), *v);
    out = v->get<int64_t>();
    return std::nullopt;
}

// ------------------------------------------------------------------------------------------------------------
// The request parser
// ------------------------------------------------------------------------------------------------------------

struct SamplerOverrides {
    std::optional<float> temperature, topP, minP, presencePenalty, repetitionPenalty;
    std::optional<int32_t> topK;
    std::optional<uint64_t> seed;
};

class RequestParser {
public:
    RequestParser(const Json& body, const ModelContext& model, ChatCompletionParams& out)
            : m_body(body),
              m_model(model),
              m_out(out)
    {
    }

    Check parse()
    {
        for (Check (RequestParser::*step)() :
             {&RequestParser::parseModel, &RequestParser::refuseUnsupported, &RequestParser::parseStream,
              &RequestParser::parseThinking, &RequestParser::parseSampling, &RequestParser::parseMaxTokens,
              &RequestParser::parseResponseFormat, &RequestParser::parseTools, &RequestParser::parseMessages}) {
            if (Check error = (this->*step)())
                return error;
        }
        // The model card's sampler for this mode, then what the request sets.
        lectern::SamplerSettings& s = m_out.settings.sampler;
        s = lectern::default_sampler_settings(m_out.thinking, m_hasPictures);
        if (m_sampler.temperature)
            s.temperature = *m_sampler.temperature;
        if (m_sampler.topP)
            s.top_p = *m_sampler.topP;
        if (m_sampler.topK)
            s.top_k = *m_sampler.topK;
        if (m_sampler.minP)
            s.min_p = *m_sampler.minP;
        if (m_sampler.presencePenalty)
            s.presence_penalty = *m_sampler.presencePenalty;
        if (m_sampler.repetitionPenalty)
            s.repetition_penalty = *m_sampler.repetitionPenalty;
        if (m_sampler.seed)
            s.seed = *m_sampler.seed;
        return checkTemplate();
    }

private:
    Check parseModel()
    {
        m_out.model = m_model.modelId;
        const Json* v = member(m_body, "model");
        if (!v)
            return std::nullopt;
        if (!v->is_string())
            return wrongType(QStringLiteral("model"), OpenAiProtocol::tr("a string"), *v);
        const QString asked = qs(v->get<std::string>());
        const QString suffix = QStringLiteral(".gguf");
        if (asked == m_model.modelId || asked == m_model.modelId + suffix || asked + suffix == m_model.modelId)
            return std::nullopt;
        ApiError error
            = invalid(OpenAiProtocol::tr("The model '%1' does not exist: this server has the model '%2' loaded. Send "
                                         "\"model\": \"%2\" or leave it out.")
                          .arg(asked.left(200), m_model.modelId),
                      QStringLiteral("model"), QStringLiteral("model_not_found"));
        error.httpStatus = 404;
        error.type = QStringLiteral("not_found_error");
        return error;
    }

    // Parameters that would change the answer in ways Lectern cannot honour: refused, never ignored.
    Check refuseUnsupported()
    {
        if (const Json* n = member(m_body, "n")) {
            if (!n->is_number_integer())
                return wrongType(QStringLiteral("n"), OpenAiProtocol::tr("an integer"), *n);
            if (n->get<int64_t>() != 1)
                return invalid(
                    OpenAiProtocol::tr("Only one choice per request is supported ('n' must be 1); send several "
                                       "requests instead."),
                    QStringLiteral("n"));
        }
        if (const Json* stop = member(m_body, "stop")) {
            const bool empty
                = (stop->is_string() && stop->get<std::string>().empty()) || (stop->is_array() && stop->empty());
            if (!empty)
                return invalid(
                    OpenAiProtocol::tr("Stop sequences are not supported; leave out 'stop' and cut the answer "
                                       "yourself."),
                    QStringLiteral("stop"));
        }
        if (const Json* logprobs = member(m_body, "logprobs")) {
            if (!logprobs->is_boolean())
                return wrongType(QStringLiteral("logprobs"), OpenAiProtocol::tr("a boolean"), *logprobs);
            if (logprobs->get<bool>())
                return invalid(OpenAiProtocol::tr("Log probabilities are not supported; leave out 'logprobs'."),
                               QStringLiteral("logprobs"));
        }
        if (const Json* top = member(m_body, "top_logprobs")) {
            if (!top->is_number_integer() || top->get<int64_t>() != 0)
                return invalid(OpenAiProtocol::tr("Log probabilities are not supported; leave out 'top_logprobs'."),
                               QStringLiteral("top_logprobs"));
        }
        if (const Json* bias = member(m_body, "logit_bias")) {
            if (!bias->is_object() || !bias->empty())
                return invalid(OpenAiProtocol::tr("'logit_bias' is not supported; leave it out."),
                               QStringLiteral("logit_bias"));
        }
        // The engine has no frequency penalty (count-scaled); presence_penalty is the supported alternative.
        if (const Json* fp = member(m_body, "frequency_penalty")) {
            if (!fp->is_number())
                return wrongType(QStringLiteral("frequency_penalty"), OpenAiProtocol::tr("a number"), *fp);
            if (fp->get<double>() != 0.0)
                return invalid(OpenAiProtocol::tr("'frequency_penalty' is not supported; use 'presence_penalty' or "
                                                  "'repetition_penalty' instead."),
                               QStringLiteral("frequency_penalty"));
        }
        for (const char* key : {"functions", "function_call"}) {
            if (member(m_body, key))
                return invalid(
                    OpenAiProtocol::tr("'%1' is deprecated and not supported; use 'tools' instead.").arg(qs(key)),
                    qs(key));
        }
        if (member(m_body, "audio"))
            return invalid(OpenAiProtocol::tr("Audio output is not supported; leave out 'audio'."),
                           QStringLiteral("audio"));
        if (const Json* modalities = member(m_body, "modalities")) {
            if (!modalities->is_array())
                return wrongType(QStringLiteral("modalities"), OpenAiProtocol::tr("an array"), *modalities);
            for (const Json& m : *modalities)
                if (!m.is_string() || m.get<std::string>() != "text")
                    return invalid(OpenAiProtocol::tr("Only text output is supported ('modalities': [\"text\"])."),
                                   QStringLiteral("modalities"));
        }
        return std::nullopt;
    }

    Check parseStream()
    {
        std::optional<bool> stream;
        if (Check e = readBool(m_body, "stream", QStringLiteral("stream"), stream))
            return e;
        m_out.stream = stream.value_or(false);
        const Json* options = member(m_body, "stream_options");
        if (!options)
            return std::nullopt;
        if (!options->is_object())
            return wrongType(QStringLiteral("stream_options"), OpenAiProtocol::tr("an object"), *options);
        if (!m_out.stream)
            return invalid(OpenAiProtocol::tr("'stream_options' is only allowed when 'stream' is true."),
                           QStringLiteral("stream_options"));
        std::optional<bool> usage;
        if (Check e = readBool(*options, "include_usage", QStringLiteral("stream_options.include_usage"), usage))
            return e;
        m_out.includeUsage = usage.value_or(false);
        return std::nullopt;
    }

    // chat_template_kwargs.enable_thinking (vLLM) or a top-level enable_thinking; the model's default otherwise.
    Check parseThinking()
    {
        std::optional<bool> kwarg;
        if (const Json* kwargs = member(m_body, "chat_template_kwargs")) {
            if (!kwargs->is_object())
                return wrongType(QStringLiteral("chat_template_kwargs"), OpenAiProtocol::tr("an object"), *kwargs);
            if (Check e
                = readBool(*kwargs, "enable_thinking", QStringLiteral("chat_template_kwargs.enable_thinking"), kwarg))
                return e;
        }
        std::optional<bool> top;
        if (Check e = readBool(m_body, "enable_thinking", QStringLiteral("enable_thinking"), top))
            return e;
        if (kwarg && top && *kwarg != *top)
            return invalid(
                OpenAiProtocol::tr("'enable_thinking' and 'chat_template_kwargs.enable_thinking' disagree; send one "
                                   "of them."),
                QStringLiteral("enable_thinking"));
        m_out.thinking = kwarg.value_or(top.value_or(m_model.thinkingByDefault));
        m_out.request.enable_thinking = m_out.thinking;
        return std::nullopt;
    }

    Check parseSampling()
    {
        // OpenAI's ranges; vLLM's for the parameters OpenAI does not have.
        if (Check e = readNumber(m_body, "temperature", 0.0, 2.0, false, m_sampler.temperature))
            return e;
        if (Check e = readNumber(m_body, "top_p", 0.0, 1.0, true, m_sampler.topP))
            return e;
        if (Check e = readNumber(m_body, "min_p", 0.0, 1.0, false, m_sampler.minP))
            return e;
        if (Check e = readNumber(m_body, "presence_penalty", -2.0, 2.0, false, m_sampler.presencePenalty))
            return e;
        if (Check e = readNumber(m_body, "repetition_penalty", 0.0, 1e6, true, m_sampler.repetitionPenalty))
            return e;
        std::optional<int64_t> topK;
        bool huge = false;
        if (Check e = readInteger(m_body, "top_k", topK, huge))
            return e;
        if (topK) {
            if (*topK < -1)
                return invalid(
                    OpenAiProtocol::tr("Invalid 'top_k': expected -1 or 0 (off) or a positive integer, but got %1.")
                        .arg(*topK),
                    QStringLiteral("top_k"));
            m_sampler.topK = *topK <= 0 ? 0 : int32_t(std::min<int64_t>(*topK, INT32_MAX));
        }
        std::optional<int64_t> seed;
        if (Check e = readInteger(m_body, "seed", seed, huge))
            return e;
        if (seed) {
            if (*seed < 0)
                return invalid(
                    OpenAiProtocol::tr("Invalid 'seed': expected a non-negative integer, but got %1.").arg(*seed),
                    QStringLiteral("seed"));
            m_sampler.seed = huge ? member(m_body, "seed")->get<uint64_t>() : uint64_t(*seed);
        }
        return std::nullopt;
    }

    // max_completion_tokens (current OpenAI name) wins over max_tokens (deprecated); absent keeps the engine's
    // default, which the runner clamps to the context.
    Check parseMaxTokens()
    {
        for (const char* key : {"max_completion_tokens", "max_tokens"}) {
            std::optional<int64_t> value;
            bool huge = false;
            if (Check e = readInteger(m_body, key, value, huge))
                return e;
            if (!value)
                continue;
            if (*value < 1)
                return invalid(OpenAiProtocol::tr("Invalid '%1': expected a positive integer, but got %2.")
                                   .arg(qs(key))
                                   .arg(*value),
                               qs(key));
            m_out.settings.max_tokens = int32_t(std::min<int64_t>(*value, INT32_MAX));
            return std::nullopt;
        }
        return std::nullopt;
    }

    Check parseResponseFormat()
    {
        const Json* format = member(m_body, "response_format");
        if (!format)
            return std::nullopt;
        if (!format->is_object())
            return wrongType(QStringLiteral("response_format"), OpenAiProtocol::tr("an object"), *format);
        const Json* type = member(*format, "type");
        if (!type)
            return missing(QStringLiteral("response_format.type"));
        if (!type->is_string())
            return wrongType(QStringLiteral("response_format.type"), OpenAiProtocol::tr("a string"), *type);
        const std::string kind = type->get<std::string>();
        if (kind == "text")
            return std::nullopt;
        if (kind == "json_object") {
            // Constrained decoding only writes the properties a schema names: {"type":"object"} would always give
            // "{}". Refused rather than answered with an empty object.
            return invalid(OpenAiProtocol::tr(
                               "response_format {\"type\": \"json_object\"} is not supported: Lectern's constrained "
                               "decoding writes only the properties a schema names. Send {\"type\": "
                               "\"json_schema\", \"json_schema\": {\"name\": ..., \"schema\": {\"type\": \"object\", "
                               "\"properties\": {...}}}} instead."),
                           QStringLiteral("response_format.type"));
        }
        if (kind != "json_schema")
            return invalid(
                OpenAiProtocol::tr("Invalid value for 'response_format.type': '%1'. Supported values are 'text' and "
                                   "'json_schema'.")
                    .arg(qs(kind).left(100)),
                QStringLiteral("response_format.type"));
        const Json* spec = member(*format, "json_schema");
        if (!spec)
            return missing(QStringLiteral("response_format.json_schema"));
        if (!spec->is_object())
            return wrongType(QStringLiteral("response_format.json_schema"), OpenAiProtocol::tr("an object"), *spec);
        if (const Json* name = member(*spec, "name"); name && !name->is_string())
            return wrongType(QStringLiteral("response_format.json_schema.name"), OpenAiProtocol::tr("a string"), *name);
        if (const Json* strict = member(*spec, "strict"); strict && !strict->is_boolean())
            return wrongType(QStringLiteral("response_format.json_schema.strict"), OpenAiProtocol::tr("a boolean"),
                             *strict);
        const QString schemaParam = QStringLiteral("response_format.json_schema.schema");
        const Json* schema = member(*spec, "schema");
        if (!schema)
            return missing(schemaParam);
        if (!schema->is_object())
            return wrongType(schemaParam, OpenAiProtocol::tr("an object"), *schema);
        std::string text = dumpCompact(*schema);
        const lectern::Status status = lectern::check_json_schema(text);
        if (!status.is_ok())
            return invalid(OpenAiProtocol::tr("The JSON schema cannot be used for constrained decoding: %1")
                               .arg(qs(status.message())),
                           schemaParam);
        m_out.settings.json_schema = std::move(text);
        return std::nullopt;
    }

    Check parseTools()
    {
        std::string choice = "auto";
        if (const Json* tc = member(m_body, "tool_choice")) {
            if (tc->is_object())
                return invalid(
                    OpenAiProtocol::tr("A 'tool_choice' that names or forces a function is not supported; use "
                                       "\"auto\" or \"none\"."),
                    QStringLiteral("tool_choice"));
            if (!tc->is_string())
                return wrongType(QStringLiteral("tool_choice"), OpenAiProtocol::tr("a string"), *tc);
            choice = tc->get<std::string>();
            if (choice == "required")
                return invalid(
                    OpenAiProtocol::tr("tool_choice \"required\" is not supported; use \"auto\" or \"none\"."),
                    QStringLiteral("tool_choice"));
            if (choice != "auto" && choice != "none")
                return invalid(
                    OpenAiProtocol::tr("Invalid value for 'tool_choice': '%1'. Supported values are 'auto' and "
                                       "'none'.")
                        .arg(qs(choice).left(100)),
                    QStringLiteral("tool_choice"));
        }
        const Json* tools = member(m_body, "tools");
        if (!tools)
            return std::nullopt;
        if (!tools->is_array())
            return wrongType(QStringLiteral("tools"), OpenAiProtocol::tr("an array"), *tools);
        for (size_t i = 0; i < tools->size(); ++i) {
            const Json& tool = (*tools)[i];
            const QString param = QStringLiteral("tools[%1]").arg(i);
            if (!tool.is_object())
                return wrongType(param, OpenAiProtocol::tr("an object"), tool);
            const Json* type = member(tool, "type");
            if (!type || !type->is_string() || type->get<std::string>() != "function")
                return invalid(
                    OpenAiProtocol::tr("Invalid '%1.type': only \"function\" tools are supported.").arg(param),
                    param + QStringLiteral(".type"));
            const Json* function = nullptr;
            if (Check error = readFunction(tool, param, function))
                return error;
            if (const Json* d = member(*function, "description"); d && !d->is_string())
                return wrongType(param + QStringLiteral(".function.description"), OpenAiProtocol::tr("a string"), *d);
            if (const Json* p = member(*function, "parameters"); p && !p->is_object())
                return wrongType(param + QStringLiteral(".function.parameters"), OpenAiProtocol::tr("an object"), *p);
        }
        // The template writes each tool object as the client sent it (HF apply_chat_template, qwen35.md §6.4).
        if (choice != "none" && !tools->empty())
            m_out.request.tools_json = dumpCompact(*tools);
        return std::nullopt;
    }
    Check parseMessages() { return wire::parseMessages(m_body, m_model, m_out.request, m_hasPictures); }

    // Conversations the chat template rejects (no user message, a system message not first, ...) are the
    // client's error: 400 with the template's own message, before the request is queued.
    Check checkTemplate()
    {
        lectern::ChatTemplateTraits traits;
        traits.thinking_by_default = m_model.thinkingByDefault;
        const lectern::Result<std::string> prompt = lectern::render_chat_prompt(m_out.request, traits);
        if (!prompt.is_ok())
            return invalid(OpenAiProtocol::tr("The conversation cannot be written in the model's chat template: %1")
                               .arg(qs(prompt.status().message())),
                           QStringLiteral("messages"));
        return std::nullopt;
    }

    const Json& m_body;
    const ModelContext& m_model;
    ChatCompletionParams& m_out;
    SamplerOverrides m_sampler;
    bool m_hasPictures = false;
};

}  // namespace

ParsedCompletion parseChatCompletion(const QByteArray& body, const ModelContext& model)
{
    ParsedCompletion parsed;
    if (nestingDepth(body, kMaxJsonDepth) > kMaxJsonDepth) {
        parsed.error
            = invalid(OpenAiProtocol::tr("The JSON body is nested more than %1 levels deep; send a flatter request.")
                          .arg(kMaxJsonDepth));
        return parsed;
    }
    Json root;
    try {
        root = Json::parse(body.constBegin(), body.constEnd());
    } catch (const Json::parse_error& e) {
        // e.what(): "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."; the line
        // and column say where.
        QString what = qs(e.what());
        const qsizetype bracket = what.indexOf(QLatin1String("] "));
        if (what.startsWith(QLatin1Char('[')) && bracket > 0)
            what = what.mid(bracket + 2);
        parsed.error
            = invalid(OpenAiProtocol::tr("We could not parse the JSON body of your request: %1. Send a JSON object in "
                                         "UTF-8.")
                          .arg(what));
        return parsed;
    } catch (const Json::exception& e) {
        parsed.error
            = invalid(OpenAiProtocol::tr("We could not parse the JSON body of your request: %1").arg(qs(e.what())));
        return parsed;
    }
    if (!root.is_object()) {
        parsed.error
            = invalid(OpenAiProtocol::tr("The request body must be a JSON object, but it is %1.").arg(typeName(root)));
        return parsed;
    }
    try {
        RequestParser parser(root, model, parsed.params);
        parsed.error = parser.parse();
    } catch (const Json::exception& e) {  // not expected: every access is type-checked first
        parsed.error = invalid(OpenAiProtocol::tr("The request could not be read: %1").arg(qs(e.what())));
    }
    return parsed;
}

}  // namespace lectern::server
