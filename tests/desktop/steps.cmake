# Desktop screenshot test: runs an example to two steps with
# `pylife gui --screenshot OUT.png --steps N FILE` under Xvfb (mesa software
# GL) and checks both pictures are real and differ (the VM, heap and
# timeline moved).  Pictures kept in ARTIFACTS/desktop-step-N.png.
# Inputs: EXE, FILE, ARTIFACTS, NODE, CHECKER, STEPS (two, comma-separated), PANEL.
file(MAKE_DIRECTORY "${ARTIFACTS}")
set(shots "")
string(REPLACE "," ";" STEPS "${STEPS}")
foreach(n ${STEPS})
  set(shot "${ARTIFACTS}/desktop-step-${n}.png")
  file(REMOVE "${shot}")
  execute_process(
    COMMAND xvfb-run -a -s "-screen 0 1280x800x24"
            ${CMAKE_COMMAND} -E env LIBGL_ALWAYS_SOFTWARE=1
            ${EXE} gui --screenshot ${shot} --steps ${n} --panel ${PANEL} ${FILE}
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "pylife gui --screenshot exited with ${status}\n${out}${err}")
  endif()
  list(APPEND shots "${shot}")
endforeach()
execute_process(COMMAND ${NODE} ${CHECKER} ${shots} RESULT_VARIABLE check)
if(NOT check EQUAL 0)
  message(FATAL_ERROR "desktop screenshot check failed")
endif()
