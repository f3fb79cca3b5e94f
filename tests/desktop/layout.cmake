# Layout test: the desktop app at the sizes learners and teachers use,
# in both themes and both views, under Xvfb.  For each, a screenshot
# (ARTIFACTS/layout-VIEW-THEME-WxH.png, checked to be a real picture) and
# the app's own layout report (ImGui's item rectangles), checked so that
# every control of the top bar and the timeline lies inside the window.
# Inputs: EXE, FILE, ARTIFACTS, NODE, CHECKER (check_png.mjs), LAYOUT (check_layout.mjs).
include(${CMAKE_CURRENT_LIST_DIR}/checks.cmake)
file(MAKE_DIRECTORY "${ARTIFACTS}")
set(sizes 1024x768 1280x720 1366x768 1920x1080 3840x2160)
set(failed "")
foreach(size ${sizes})
  foreach(theme dark light)
    foreach(view learner internals)
      set(name "${ARTIFACTS}/layout-${view}-${theme}-${size}")
      file(REMOVE "${name}.png" "${name}.json")
      # At 4K a teacher would scale up: that size is taken at scale 2 as well.
      set(scales 1)
      if(size STREQUAL "3840x2160" AND view STREQUAL "learner")
        set(scales 1 2)
      endif()
      foreach(scale ${scales})
        set(out "${name}")
        if(NOT scale EQUAL 1)
          set(out "${name}-scale${scale}")
        endif()
        execute_process(
          COMMAND xvfb-run -a -s "-screen 0 3840x2160x24"
                  ${CMAKE_COMMAND} -E env LIBGL_ALWAYS_SOFTWARE=1
                  ${EXE} gui --size ${size} --scale ${scale} --theme ${theme} --view ${view} --steps 40
                  --screenshot ${out}.png --layout-report ${out}.json ${FILE}
          RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr TIMEOUT 180)
        if(NOT status EQUAL 0)
          message(FATAL_ERROR "pylife gui at ${size} (${theme}, ${view}) exited with ${status}\n${stdout}${stderr}")
        endif()
        pylife_check(${LAYOUT} ${out}.json)
        pylife_check(${CHECKER} ${out}.png)
      endforeach()
    endforeach()
  endforeach()
endforeach()
# Text in other scripts (Greek, Cyrillic, CJK, emoji): the three fallback
# fonts (DejaVu Sans Mono's other alphabets, fonts-droid-fallback,
# fonts-symbola) merged for the glyphs in use.
set(out "${ARTIFACTS}/layout-unicode-1366x768")
execute_process(
  COMMAND xvfb-run -a -s "-screen 0 1920x1080x24" ${CMAKE_COMMAND} -E env LIBGL_ALWAYS_SOFTWARE=1
          ${EXE} gui --size 1366x768 --steps 400 --screenshot ${out}.png --layout-report ${out}.json ${UNICODE_FILE}
  RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr TIMEOUT 180)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "pylife gui on ${UNICODE_FILE} exited with ${status}\n${stdout}${stderr}")
endif()
file(READ "${out}.json" report)
if(NOT report MATCHES "\"glyphs\": {\"extra\": [1-9][0-9]*, \"fallback_fonts\": 3}")
  string(REGEX MATCH "\"glyphs\": {[^}]*}" glyphs "${report}")
  list(APPEND failed "${out}.json (Cyrillic, CJK and emoji glyphs from the three fallback fonts: ${glyphs})")
endif()
if(failed)
  message(FATAL_ERROR "layout check failed: ${failed}")
endif()
