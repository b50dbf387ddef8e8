// instance.cpp: Vulkan instance creation, validation layer and debug-utils messenger.
#include "vk/instance.h"

#include <cstring>

#include "vk/env.h"
#include "vk/vk_result.h"

namespace lectern::vk {

const char* const k_no_driver_message =
    "no Vulkan driver found: install a GPU driver, or Mesa's CPU driver with `sudo apt install mesa-vulkan-drivers`";

namespace {

constexpr const char* k_validation_layer = "VK_LAYER_KHRONOS_validation";

bool has_layer(const char* name) {
  uint32_t n = 0;
  if (vkEnumerateInstanceLayerProperties(&n, nullptr) != VK_SUCCESS) return false;
  std::vector<VkLayerProperties> layers(n);
  if (vkEnumerateInstanceLayerProperties(&n, layers.data()) != VK_SUCCESS) return false;
  for (const auto& l : layers) {
    if (std::strcmp(l.layerName, name) == 0) return true;
  }
  return false;
}

std::vector<std::string> instance_extensions(const char* layer) {
  uint32_t n = 0;
  if (vkEnumerateInstanceExtensionProperties(layer, &n, nullptr) != VK_SUCCESS) return {};
  std::vector<VkExtensionProperties> props(n);
  if (vkEnumerateInstanceExtensionProperties(layer, &n, props.data()) != VK_SUCCESS) return {};
  std::vector<std::string> names;
  for (const auto& p : props) names.emplace_back(p.extensionName);
  return names;
}

bool contains(const std::vector<std::string>& names, const char* name) {
  for (const auto& n : names) {
    if (n == name) return true;
  }
  return false;
}

VKAPI_ATTR VkBool32 VKAPI_CALL on_debug_message(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                VkDebugUtilsMessageTypeFlagsEXT types,
                                                const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
  auto* log = static_cast<ValidationLog*>(user);
  std::string text = (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) ? "[error" : "[warning";
  if (types & VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT) text += " validation";
  if (types & VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT) text += " performance";
  if (types & VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT) text += " general";
  text += "] ";
  if (data != nullptr && data->pMessageIdName != nullptr) {
    text += data->pMessageIdName;
    text += ": ";
  }
  if (data != nullptr && data->pMessage != nullptr) text += data->pMessage;
  log->record(std::move(text));
  return VK_FALSE;  // never abort the call that triggered the message
}

}  // namespace

void ValidationLog::record(std::string message) {
  std::lock_guard lock(mutex_);
  ++count_;
  if (messages_.size() < k_max_kept) messages_.push_back(std::move(message));
}

size_t ValidationLog::count() const {
  std::lock_guard lock(mutex_);
  return count_;
}

std::vector<std::string> ValidationLog::messages() const {
  std::lock_guard lock(mutex_);
  return messages_;
}

void ValidationLog::clear() {
  std::lock_guard lock(mutex_);
  count_ = 0;
  messages_.clear();
}

std::string ValidationLog::joined() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& m : messages_) {
    out += m;
    out += '\n';
  }
  if (count_ > messages_.size()) {
    // Appended piecewise: `"(" + std::string` trips GCC 12's false -Wrestrict positive (GCC bug 105329).
    out += '(';
    out += std::to_string(count_ - messages_.size());
    out += " more not kept)\n";
  }
  return out;
}

Result<std::shared_ptr<Instance>> Instance::create(const InstanceOptions& options) {
  std::shared_ptr<Instance> self(new Instance());

  uint32_t loader_version = VK_API_VERSION_1_0;
  if (vkEnumerateInstanceVersion(&loader_version) != VK_SUCCESS) loader_version = VK_API_VERSION_1_0;
  if (loader_version < VK_API_VERSION_1_2) {
    return Status(ErrorCode::NoDevice,
                  "the Vulkan loader only supports Vulkan " + std::to_string(VK_API_VERSION_MAJOR(loader_version)) +
                      "." + std::to_string(VK_API_VERSION_MINOR(loader_version)) +
                      "; Lectern needs 1.2 or newer: update the Vulkan loader (libvulkan1) and the GPU driver");
  }
  // Ask for 1.3 where the loader has it; devices still only need 1.2 (checked per device).
  self->api_version_ = loader_version >= VK_API_VERSION_1_3 ? VK_API_VERSION_1_3 : VK_API_VERSION_1_2;

  bool want_validation = options.validation.value_or(env_flag("LECTERN_VK_VALIDATION"));
  std::vector<const char*> layers;
  std::vector<const char*> extensions;
  std::vector<std::string> available = instance_extensions(nullptr);
  bool sync_validation = false;
  if (want_validation) {
    if (has_layer(k_validation_layer)) {
      std::vector<std::string> layer_exts = instance_extensions(k_validation_layer);
      available.insert(available.end(), layer_exts.begin(), layer_exts.end());
      if (contains(available, VK_EXT_DEBUG_UTILS_EXTENSION_NAME)) {
        layers.push_back(k_validation_layer);
        extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
        self->validation_enabled_ = true;
        if (options.synchronization_validation && contains(available, VK_EXT_VALIDATION_FEATURES_EXTENSION_NAME)) {
          extensions.push_back(VK_EXT_VALIDATION_FEATURES_EXTENSION_NAME);
          sync_validation = true;
        }
      } else {
        self->validation_note_ = "VK_EXT_debug_utils is unavailable, so validation messages cannot be recorded";
      }
    } else {
      self->validation_note_ =
          "VK_LAYER_KHRONOS_validation is not installed (`sudo apt install vulkan-validationlayers`)";
    }
  }
  VkInstanceCreateFlags flags = 0;
  // Portability drivers (MoltenVK) are only listed when the application opts in.
  if (contains(available, VK_KHR_PORTABILITY_ENUMERATION_EXTENSION_NAME)) {
    extensions.push_back(VK_KHR_PORTABILITY_ENUMERATION_EXTENSION_NAME);
    flags |= VK_INSTANCE_CREATE_ENUMERATE_PORTABILITY_BIT_KHR;
  }

  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = "Lectern";
  app.applicationVersion = VK_MAKE_API_VERSION(0, 0, 1, 0);
  app.pEngineName = "lectern";
  app.engineVersion = VK_MAKE_API_VERSION(0, 0, 1, 0);
  app.apiVersion = self->api_version_;

  VkDebugUtilsMessengerCreateInfoEXT messenger_info{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
  messenger_info.messageSeverity =
      VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  messenger_info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                               VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                               VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
  messenger_info.pfnUserCallback = on_debug_message;
  messenger_info.pUserData = self->log_.get();

  VkValidationFeatureEnableEXT enables[] = {VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT};
  VkValidationFeaturesEXT features{VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT};
  features.enabledValidationFeatureCount = 1;
  features.pEnabledValidationFeatures = enables;

  VkInstanceCreateInfo info{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  info.flags = flags;
  info.pApplicationInfo = &app;
  info.enabledLayerCount = static_cast<uint32_t>(layers.size());
  info.ppEnabledLayerNames = layers.data();
  info.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
  info.ppEnabledExtensionNames = extensions.data();
  if (self->validation_enabled_) {
    // Chained here too, so messages from vkCreateInstance/vkDestroyInstance themselves are recorded.
    info.pNext = &messenger_info;
    if (sync_validation) messenger_info.pNext = &features;
  }

  VkResult r = vkCreateInstance(&info, nullptr, &self->instance_);
  if (r == VK_ERROR_INCOMPATIBLE_DRIVER) return Status(ErrorCode::NoDevice, k_no_driver_message);
  LECTERN_VK_TRY(r, "creating the Vulkan instance");

  if (self->validation_enabled_) {
    auto create_messenger = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(self->instance_, "vkCreateDebugUtilsMessengerEXT"));
    if (create_messenger == nullptr) {
      return Status(ErrorCode::Unsupported, "VK_EXT_debug_utils was enabled but vkCreateDebugUtilsMessengerEXT is "
                                            "missing: reinstall the Vulkan loader and validation layers");
    }
    messenger_info.pNext = nullptr;
    LECTERN_VK_TRY(create_messenger(self->instance_, &messenger_info, nullptr, &self->messenger_),
                   "creating the validation message recorder");
  }
  return self;
}

Instance::~Instance() {
  if (messenger_ != VK_NULL_HANDLE) {
    auto destroy_messenger = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
    if (destroy_messenger != nullptr) destroy_messenger(instance_, messenger_, nullptr);
  }
  if (instance_ != VK_NULL_HANDLE) vkDestroyInstance(instance_, nullptr);
}

Result<std::vector<VkPhysicalDevice>> Instance::physical_devices() const {
  uint32_t n = 0;
  LECTERN_VK_TRY(vkEnumeratePhysicalDevices(instance_, &n, nullptr), "listing Vulkan devices");
  if (n == 0) return Status(ErrorCode::NoDevice, k_no_driver_message);
  std::vector<VkPhysicalDevice> devices(n);
  VkResult r = vkEnumeratePhysicalDevices(instance_, &n, devices.data());
  if (r != VK_SUCCESS && r != VK_INCOMPLETE) return vk_status(r, "listing Vulkan devices");
  devices.resize(n);
  return devices;
}

}  // namespace lectern::vk
