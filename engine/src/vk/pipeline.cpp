// pipeline.cpp: shader modules, descriptor-set and pipeline layouts, specialisation, and the pipeline cache.
#include "vk/pipeline.h"

#include <vector>

#include "vk/device.h"
#include "vk/shader_registry.h"
#include "vk/vk_result.h"

namespace lectern::vk {

Result<std::unique_ptr<PipelineCache>> PipelineCache::create(const Device& device) {
  std::unique_ptr<PipelineCache> self(new PipelineCache(device));
  VkPipelineCacheCreateInfo info{VK_STRUCTURE_TYPE_PIPELINE_CACHE_CREATE_INFO};
  LECTERN_VK_TRY(vkCreatePipelineCache(device.handle(), &info, nullptr, &self->cache_), "creating the pipeline cache");
  return self;
}

PipelineCache::~PipelineCache() {
  VkDevice dev = device_.handle();
  for (auto& [key, p] : pipelines_) {
    vkDestroyPipeline(dev, p->pipeline, nullptr);
    vkDestroyPipelineLayout(dev, p->layout, nullptr);
    vkDestroyDescriptorSetLayout(dev, p->set_layout, nullptr);
  }
  if (cache_ != VK_NULL_HANDLE) vkDestroyPipelineCache(dev, cache_, nullptr);
}

size_t PipelineCache::size() const {
  std::lock_guard lock(mutex_);
  return pipelines_.size();
}

Result<const Pipeline*> PipelineCache::get(const PipelineDesc& desc) {
  Key key{std::string(desc.shader), desc.n_bindings, desc.push_constant_bytes,
          std::vector<uint32_t>(desc.spec_constants.begin(), desc.spec_constants.end())};
  std::lock_guard lock(mutex_);
  auto it = pipelines_.find(key);
  if (it != pipelines_.end()) return static_cast<const Pipeline*>(it->second.get());

  std::string name(desc.shader);
  if (!desc.spec_constants.empty()) {
    name += "{";
    for (size_t i = 0; i < desc.spec_constants.size(); ++i) {
      if (i) name += ",";
      name += std::to_string(desc.spec_constants[i]);
    }
    name += "}";
  }
  auto built = build(desc, name);
  if (!built) return built.status().with_context("pipeline " + name);
  const Pipeline* p = built->get();
  pipelines_.emplace(std::move(key), std::move(built).value());
  return p;
}

Result<std::unique_ptr<Pipeline>> PipelineCache::build(const PipelineDesc& desc, std::string name) {
  const ShaderBlob* blob = find_shader(desc.shader);
  if (blob == nullptr) {
    return Status(ErrorCode::NotFound, "no shader named '" + std::string(desc.shader) + "' is built into the engine (" +
                                           std::to_string(all_shaders().size()) +
                                           " are); declare it in engine/shaders/CMakeLists.txt");
  }
  if (desc.push_constant_bytes % 4 != 0 || desc.push_constant_bytes > device_.limits().max_push_constants_bytes) {
    return Status(ErrorCode::Unsupported, std::to_string(desc.push_constant_bytes) +
                                              " bytes of push constants: must be a multiple of 4 and at most " +
                                              std::to_string(device_.limits().max_push_constants_bytes));
  }
  VkDevice dev = device_.handle();
  auto p = std::make_unique<Pipeline>();
  p->name = std::move(name);
  p->n_bindings = desc.n_bindings;
  p->push_constant_bytes = desc.push_constant_bytes;
  // Partially built objects are destroyed here on any failure below.
  struct Cleanup {
    VkDevice dev;
    Pipeline* p;
    VkShaderModule module = VK_NULL_HANDLE;
    bool keep = false;
    ~Cleanup() {
      if (module != VK_NULL_HANDLE) vkDestroyShaderModule(dev, module, nullptr);
      if (keep) return;
      if (p->layout != VK_NULL_HANDLE) vkDestroyPipelineLayout(dev, p->layout, nullptr);
      if (p->set_layout != VK_NULL_HANDLE) vkDestroyDescriptorSetLayout(dev, p->set_layout, nullptr);
    }
  } cleanup{dev, p.get()};

  std::vector<VkDescriptorSetLayoutBinding> bindings(desc.n_bindings);
  for (uint32_t i = 0; i < desc.n_bindings; ++i) {
    bindings[i] = {i, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_COMPUTE_BIT, nullptr};
  }
  VkDescriptorSetLayoutCreateInfo set_info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  set_info.bindingCount = desc.n_bindings;
  set_info.pBindings = bindings.data();
  LECTERN_VK_TRY(vkCreateDescriptorSetLayout(dev, &set_info, nullptr, &p->set_layout), "creating its set layout");

  VkPushConstantRange push{VK_SHADER_STAGE_COMPUTE_BIT, 0, desc.push_constant_bytes};
  VkPipelineLayoutCreateInfo layout_info{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  layout_info.setLayoutCount = 1;
  layout_info.pSetLayouts = &p->set_layout;
  layout_info.pushConstantRangeCount = desc.push_constant_bytes > 0 ? 1 : 0;
  layout_info.pPushConstantRanges = &push;
  LECTERN_VK_TRY(vkCreatePipelineLayout(dev, &layout_info, nullptr, &p->layout), "creating its layout");

  VkShaderModuleCreateInfo module_info{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
  module_info.codeSize = blob->n_words * sizeof(uint32_t);
  module_info.pCode = blob->words;
  LECTERN_VK_TRY(vkCreateShaderModule(dev, &module_info, nullptr, &cleanup.module), "creating its shader module");

  std::vector<VkSpecializationMapEntry> entries(desc.spec_constants.size());
  for (uint32_t i = 0; i < entries.size(); ++i) {
    entries[i] = {i, i * static_cast<uint32_t>(sizeof(uint32_t)), sizeof(uint32_t)};
  }
  VkSpecializationInfo spec{};
  spec.mapEntryCount = static_cast<uint32_t>(entries.size());
  spec.pMapEntries = entries.data();
  spec.dataSize = desc.spec_constants.size() * sizeof(uint32_t);
  spec.pData = desc.spec_constants.data();

  VkComputePipelineCreateInfo info{VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
  info.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
  info.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
  info.stage.module = cleanup.module;
  info.stage.pName = "main";
  info.stage.pSpecializationInfo = entries.empty() ? nullptr : &spec;
  info.layout = p->layout;
  LECTERN_VK_TRY(vkCreateComputePipelines(dev, cache_, 1, &info, nullptr, &p->pipeline), "compiling it");
  cleanup.keep = true;
  return p;
}

}  // namespace lectern::vk
