# LecternShaders.cmake: compiles GLSL compute shaders with glslc (depfiles track #includes), validates them
# with spirv-val, and embeds the SPIR-V into a generated C++ registry linked into lectern_engine.
#
# lectern_shader() only records a variant; lectern_shader_registry(<target>) then creates every build rule in the
# directory of <target>, because custom-command outputs only get build rules for targets of their own directory.

find_program(LECTERN_GLSLC glslc REQUIRED)
find_program(LECTERN_SPIRV_VAL spirv-val REQUIRED)

set_property(GLOBAL PROPERTY LECTERN_SHADER_VARIANTS "")

# lectern_shader(<name> <source.comp> [DEFINES A=1 B ...])
# Declares one variant of a compute shader; <name> is what engine code asks the registry for.
function(lectern_shader name source)
  cmake_parse_arguments(ARG "" "" "DEFINES" ${ARGN})
  get_filename_component(src "${source}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  string(REPLACE ";" "," defines "${ARG_DEFINES}")
  set_property(GLOBAL APPEND PROPERTY LECTERN_SHADER_VARIANTS "${name}|${src}|${defines}")
endfunction()

# lectern_shader_registry(<target>): build rules for every declared variant, plus shader_registry_data.cpp
# holding them all, added to <target>.
function(lectern_shader_registry target)
  get_property(variants GLOBAL PROPERTY LECTERN_SHADER_VARIANTS)
  set(out_dir "${CMAKE_BINARY_DIR}/shaders")
  file(MAKE_DIRECTORY "${out_dir}")
  set(names "")
  set(spvs "")
  foreach(v IN LISTS variants)
    string(REPLACE "|" ";" parts "${v}")
    list(GET parts 0 name)
    list(GET parts 1 src)
    list(GET parts 2 defines)
    string(REPLACE "," ";" defines "${defines}")
    set(flags "")
    foreach(d IN LISTS defines)
      list(APPEND flags "-D${d}")
    endforeach()
    get_filename_component(src_dir "${src}" DIRECTORY)
    set(spv "${out_dir}/${name}.spv")
    add_custom_command(
      OUTPUT "${spv}"
      COMMAND ${LECTERN_GLSLC} --target-env=vulkan1.2 -fshader-stage=compute -O -Werror
              -I "${src_dir}" ${flags} -MD -MF "${spv}.d" -o "${spv}" "${src}"
      COMMAND ${LECTERN_SPIRV_VAL} --target-env vulkan1.2 "${spv}"
      MAIN_DEPENDENCY "${src}"
      DEPFILE "${spv}.d"
      COMMENT "glslc + spirv-val ${name}"
      VERBATIM)
    list(APPEND names "${name}")
    list(APPEND spvs "${spv}")
  endforeach()
  list(LENGTH names count)
  set(out "${out_dir}/shader_registry_data.cpp")
  string(REPLACE ";" "," names_arg "${names}")
  string(REPLACE ";" "," spvs_arg "${spvs}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DNAMES=${names_arg}" "-DSPVS=${spvs_arg}" "-DOUT=${out}"
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_spirv.cmake"
    DEPENDS ${spvs} "${PROJECT_SOURCE_DIR}/cmake/embed_spirv.cmake"
    COMMENT "Embedding ${count} SPIR-V shaders"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
