# run_fuzzers.cmake: ctest fuzz.importers. Builds the importer fuzz targets with clang in their own build
# folder (kept between runs, so only the first run pays for the build), writes the seed corpora, and runs each
# target for SECONDS seconds. Fails on any crash, sanitizer report, leak of time (-timeout) or memory.
# Inputs: SOURCE_DIR (app/importers/fuzz), BINARY_DIR, SEEDS_TOOL (make_fuzz_seeds), SECONDS.
foreach(var SOURCE_DIR BINARY_DIR SEEDS_TOOL SECONDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzers.cmake: ${var} is not set")
  endif()
endforeach()

find_program(CLANGXX NAMES clang++ clang++-14 clang++-15 clang++-16)
find_program(CLANG NAMES clang clang-14 clang-15 clang-16)
if(NOT CLANGXX OR NOT CLANG)
  message(FATAL_ERROR "fuzz.importers needs clang with libFuzzer (Debian: clang and libclang-rt-dev; scripts/setup installs them)")
endif()

set(build "${BINARY_DIR}/build")
if(NOT EXISTS "${build}/build.ninja")
  execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${build}" -G Ninja -DCMAKE_BUILD_TYPE=Release
                          "-DCMAKE_C_COMPILER=${CLANG}" "-DCMAKE_CXX_COMPILER=${CLANGXX}"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "configuring the fuzz targets failed")
  endif()
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${build}" --parallel 2 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the fuzz targets failed")
endif()

set(seeds "${BINARY_DIR}/seeds")
file(REMOVE_RECURSE "${seeds}")
execute_process(COMMAND "${SEEDS_TOOL}" "${seeds}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "writing the seed corpora failed")
endif()

set(failed "")
foreach(kind pdf image video text)
  # New inputs go to a scratch corpus; the seeds stay as written.
  set(corpus "${BINARY_DIR}/corpus-${kind}")
  file(REMOVE_RECURSE "${corpus}")
  file(MAKE_DIRECTORY "${corpus}" "${BINARY_DIR}/artifacts")
  message(STATUS "fuzzing the ${kind} importer for ${SECONDS} s")
  # Leak detection is off: Qt, fontconfig and FFmpeg keep process-lifetime allocations that LeakSanitizer
  # reports; memory growth is still bounded by -rss_limit_mb and every run by -timeout.
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
            "${build}/fuzz_importer_${kind}" "${corpus}" "${seeds}/${kind}" -max_total_time=${SECONDS}
            -timeout=20 -rss_limit_mb=2048 -max_len=65536 -detect_leaks=0 -print_final_stats=1
            "-artifact_prefix=${BINARY_DIR}/artifacts/${kind}-"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out ERROR_VARIABLE out)
  string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" runs "${out}")
  message(STATUS "  ${kind}: exit ${rc}, ${runs}")
  if(NOT rc EQUAL 0)
    string(LENGTH "${out}" length)
    if(length GREATER 6000)
      math(EXPR start "${length} - 6000")
      string(SUBSTRING "${out}" ${start} 6000 out)
    endif()
    message("${out}")
    list(APPEND failed ${kind})
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "fuzzing found problems in: ${failed} (inputs saved under ${BINARY_DIR}/artifacts)")
endif()
message(STATUS "fuzz.importers: no crashes")
