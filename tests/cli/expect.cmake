# Runs EXE with ARGS and checks its exit status is STATUS and that its
# stdout+stderr match the regular expression PATTERN.
execute_process(COMMAND ${EXE} ${ARGS} RESULT_VARIABLE status
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
if(NOT status STREQUAL STATUS)
  message(FATAL_ERROR "exit status ${status}, expected ${STATUS}; output:\n${all}")
endif()
if(NOT all MATCHES "${PATTERN}")
  message(FATAL_ERROR "output does not match '${PATTERN}':\n${all}")
endif()
