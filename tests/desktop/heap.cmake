# Heap pictures: the Heap panel of the desktop app on the pictures a
# teacher draws (tests/heap/: a dict, a class with instances, a linked
# list, a recursion, a 500-item list), at a laptop's size in the dark
# theme and a projector's in the light one, under Xvfb.  Each screenshot
# (ARTIFACTS/heap-NAME-THEME-WxH.png) is checked to be a real picture, and
# the layout report to say the panel drew the boxes and arrows `pylife
# heap` counts for that step.
# Inputs: EXE, DIR, ARTIFACTS, NODE, CHECKER (check_png.mjs).
include(${CMAKE_CURRENT_LIST_DIR}/checks.cmake)
file(MAKE_DIRECTORY "${ARTIFACTS}")
# NAME:LINE_STEP:BOXES:ARROWS:FOLDED
set(pictures dict:15:2:2:0 classes:27:5:6:0 linked_list:40:7:7:0 recursion:18:1:1:0 list500:508:2:2:1)
set(failed "")
foreach(picture ${pictures})
  string(REPLACE ":" ";" fields "${picture}")
  list(GET fields 0 name)
  list(GET fields 1 step)
  list(GET fields 2 boxes)
  list(GET fields 3 arrows)
  list(GET fields 4 folded)
  foreach(setting "dark;1366x768" "light;1920x1080")
    list(GET setting 0 theme)
    list(GET setting 1 size)
    set(out "${ARTIFACTS}/heap-${name}-${theme}-${size}")
    file(REMOVE "${out}.png" "${out}.json")
    execute_process(
      COMMAND xvfb-run -a -s "-screen 0 1920x1080x24" ${CMAKE_COMMAND} -E env LIBGL_ALWAYS_SOFTWARE=1
              ${EXE} gui --size ${size} --theme ${theme} --line-step ${step} --panel Heap
              --screenshot ${out}.png --layout-report ${out}.json ${DIR}/${name}.py
      RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr TIMEOUT 180)
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "pylife gui on ${name}.py at ${size} exited with ${status}\n${stdout}${stderr}")
    endif()
    file(READ "${out}.json" report)
    string(REGEX MATCH "\"heap\": {\"boxes\": ([0-9]+), \"arrows\": ([0-9]+), \"folded\": ([0-9]+)" drawn "${report}")
    if(NOT CMAKE_MATCH_1 EQUAL boxes OR NOT CMAKE_MATCH_2 EQUAL arrows OR NOT CMAKE_MATCH_3 EQUAL folded)
      list(APPEND failed "${out}.json (drew '${drawn}', not ${boxes} boxes, ${arrows} arrows, ${folded} folded)")
    endif()
    pylife_check(${CHECKER} ${out}.png)
  endforeach()
endforeach()
if(failed)
  message(FATAL_ERROR "heap pictures failed: ${failed}")
endif()
message(STATUS "heap pictures in ${ARTIFACTS}/heap-*.png")
