# LecternWarnings.cmake: one place for compiler warnings applied to Lectern's own targets.
function(lectern_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers)
endfunction()
