# check_include_rules.cmake: script mode (ctest layering.include_rules); enforces design.md's arrows
# ui -> app -> engine: engine never includes Qt, ui never includes engine headers, app only engine/include.
# Input: SRC (source root). Fails listing every offending line.
set(violations "")

function(scan dir glob_patterns regex what)
  set(files "")
  foreach(p IN LISTS glob_patterns)
    file(GLOB_RECURSE more "${SRC}/${dir}/${p}")
    list(APPEND files ${more})
  endforeach()
  foreach(f IN LISTS files)
    file(STRINGS "${f}" lines REGEX "${regex}")
    foreach(l IN LISTS lines)
      file(RELATIVE_PATH rel "${SRC}" "${f}")
      list(APPEND violations "${rel}: ${what}: ${l}")
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

set(code_globs "*.h;*.hpp;*.cpp;*.cc;*.inl")
# Qt headers are <QtCore/...>, <QString>, <QObject>, ...: a capital Q followed by a capital letter or 't'.
scan(engine "${code_globs}" "^[ \t]*#[ \t]*include[ \t]*[<\"]Q[A-Zt][A-Za-z/]*[>\"]" "engine must not include Qt")
scan(ui "${code_globs}" "^[ \t]*#[ \t]*include[ \t]*[<\"](lectern/|engine/|vk/|model/|runtime/|text/|cpu/|ops/)" "ui must not include engine headers")
scan(app "${code_globs}" "^[ \t]*#[ \t]*include[ \t]*[<\"](engine/src|vk/|model/|runtime/|cpu/|ops/)" "app may only include the engine's public headers (lectern/...)")

list(LENGTH violations n)
if(n GREATER 0)
  string(REPLACE ";" "\n  " text "${violations}")
  message(FATAL_ERROR "include rules broken (${n}):\n  ${text}")
endif()
message(STATUS "include rules hold: engine is Qt-free, ui does not include engine headers, app uses only lectern/ headers")
