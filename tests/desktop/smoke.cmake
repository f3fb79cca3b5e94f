# Desktop smoke test: runs `pylife gui FILE` under Xvfb for a few frames,
# saves a screenshot (ARTIFACTS/desktop-smoke.png) and checks it is not blank.
# Inputs: EXE, FILE, ARTIFACTS, NODE, CHECKER.
file(MAKE_DIRECTORY "${ARTIFACTS}")
set(shot "${ARTIFACTS}/desktop-smoke.png")
file(REMOVE "${shot}")
execute_process(
  COMMAND xvfb-run -a -s "-screen 0 1280x800x24"
          ${CMAKE_COMMAND} -E env PYLIFE_GUI_FRAMES=30 PYLIFE_GUI_SCREENSHOT=${shot}
          LIBGL_ALWAYS_SOFTWARE=1 ${EXE} gui ${FILE}
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "pylife gui exited with ${status}\n${out}${err}")
endif()
execute_process(COMMAND ${NODE} ${CHECKER} ${shot} RESULT_VARIABLE check)
if(NOT check EQUAL 0)
  message(FATAL_ERROR "desktop screenshot check failed")
endif()
