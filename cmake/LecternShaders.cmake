# LecternShaders.cmake: compiles GLSL compute shaders with glslc (depfiles track #includes), validates them
# with spirv-val, and embeds the SPIR-V into a generated C++ registry linked into lectern_engine.

find_program(LECTERN_GLSLC glslc REQUIRED)
find_program(LECTERN_SPIRV_VAL spirv-val REQUIRED)

set(LECTERN_SHADER_NAMES "" CACHE INTERNAL "")
set(LECTERN_SHADER_SPVS "" CACHE INTERNAL "")

# lectern_shader(<name> <source.comp> [DEFINES A=1 B ...])
# Builds one variant of a compute shader; <name> is what engine code asks the registry for.
function(lectern_shader name source)
  cmake_parse_arguments(ARG "" "" "DEFINES" ${ARGN})
  set(src "${CMAKE_CURRENT_SOURCE_DIR}/${source}")
  set(out_dir "${CMAKE_BINARY_DIR}/shaders")
  set(spv "${out_dir}/${name}.spv")
  set(defines "")
  foreach(d IN LISTS ARG_DEFINES)
    list(APPEND defines "-D${d}")
  endforeach()
  add_custom_command(
    OUTPUT "${spv}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${out_dir}"
    COMMAND ${LECTERN_GLSLC} --target-env=vulkan1.2 -fshader-stage=compute -O -Werror
            -I "${CMAKE_CURRENT_SOURCE_DIR}" ${defines} -MD -MF "${spv}.d" -o "${spv}" "${src}"
    COMMAND ${LECTERN_SPIRV_VAL} --target-env vulkan1.2 "${spv}"
    MAIN_DEPENDENCY "${src}"
    DEPFILE "${spv}.d"
    COMMENT "glslc + spirv-val ${name}"
    VERBATIM)
  set(LECTERN_SHADER_NAMES ${LECTERN_SHADER_NAMES} ${name} CACHE INTERNAL "")
  set(LECTERN_SHADER_SPVS ${LECTERN_SHADER_SPVS} ${spv} CACHE INTERNAL "")
endfunction()

# lectern_shader_registry(<target>): generates shader_registry_data.cpp from every lectern_shader() so far
# and adds it to <target>.
function(lectern_shader_registry target)
  set(out "${CMAKE_BINARY_DIR}/shaders/shader_registry_data.cpp")
  string(REPLACE ";" "," names_arg "${LECTERN_SHADER_NAMES}")
  string(REPLACE ";" "," spvs_arg "${LECTERN_SHADER_SPVS}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DNAMES=${names_arg}" "-DSPVS=${spvs_arg}" "-DOUT=${out}"
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_spirv.cmake"
    DEPENDS ${LECTERN_SHADER_SPVS} "${PROJECT_SOURCE_DIR}/cmake/embed_spirv.cmake"
    COMMENT "Embedding ${CMAKE_MATCH_COUNT} SPIR-V shaders"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
