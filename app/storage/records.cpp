// records.cpp: names of the enum values as stored in the database.
#include "app/storage/records.h"

#include <array>
#include <utility>

namespace lectern::storage {

namespace {

template <typename Enum, size_t N>
QString nameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value)
{
    for (const auto& [e, name] : table)
        if (e == value)
            return QString::fromLatin1(name);
    return {};
}

template <typename Enum, size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& table, const QString& name)
{
    for (const auto& [e, n] : table)
        if (name == QLatin1String(n))
            return e;
    return std::nullopt;
}

constexpr std::array<std::pair<MessageRole, const char*>, 3> kRoles{{
    {MessageRole::System, "system"}, {MessageRole::User, "user"}, {MessageRole::Assistant, "assistant"}}};
constexpr std::array<std::pair<FinishReason, const char*>, 5> kFinishReasons{{
    {FinishReason::None, ""}, {FinishReason::Stop, "stop"}, {FinishReason::Length, "length"},
    {FinishReason::Cancelled, "cancelled"}, {FinishReason::Error, "error"}}};
constexpr std::array<std::pair<ValidationStatus, const char*>, 3> kValidation{{
    {ValidationStatus::Unchecked, "unchecked"}, {ValidationStatus::Valid, "valid"},
    {ValidationStatus::Invalid, "invalid"}}};

}  // namespace

QString roleName(MessageRole role) { return nameOf(kRoles, role); }
std::optional<MessageRole> roleFromName(const QString& name) { return valueOf(kRoles, name); }
QString finishReasonName(FinishReason reason) { return nameOf(kFinishReasons, reason); }
std::optional<FinishReason> finishReasonFromName(const QString& name) { return valueOf(kFinishReasons, name); }
QString validationName(ValidationStatus status) { return nameOf(kValidation, status); }
std::optional<ValidationStatus> validationFromName(const QString& name) { return valueOf(kValidation, name); }

}  // namespace lectern::storage
